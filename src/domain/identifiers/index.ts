export type { Invalid } from './result.js';
export { type GtinErrorCode, type GtinKind, type GtinResult, gtinCheckDigit, validateGtin } from './gtin.js';
export { type TaxCodeErrorCode, type TaxCodeKind, type TaxCodeResult, taxCodeCheckDigit, validateTaxCode } from './tax-code.js';
export {
  PRODUCT_CODE_MAX_YEAR,
  PRODUCT_CODE_MIN_YEAR,
  type ProductCodeErrorCode,
  type ProductCodeParts,
  type ProductCodeResult,
  formatProductCode,
  parseProductCode,
} from './product-code.js';
export {
  EMAIL_MAX_LENGTH,
  type EmailErrorCode,
  type EmailResult,
  type PhoneErrorCode,
  type PhoneKind,
  type PhoneResult,
  validateEmail,
  validatePhone,
} from './contact.js';
export { formatCertificateNumber } from './certificate-number.js';
