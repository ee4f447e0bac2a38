/** Set 26's sector has no product groups and its data says "same"; there is nothing to show then. */
export const productGroupOf = (set: { productGroup: string }): string | null => (set.productGroup === 'same' ? null : set.productGroup);
