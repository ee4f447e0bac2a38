import type { Subject } from '../../../contracts/registry.js';
import { GENDER_LABELS, LEGAL_FORM_LABELS, SUBJECT_STATUS_LABELS } from '../../../domain/subjects/legal-forms.js';
import type { ExportTable } from '../../lib/table-export.js';

/** The subjects list as a file: what the registry holds of each subject, labels in Vietnamese. */
export const subjectExport: ExportTable<Subject> = {
  title: 'Chủ thể',
  columns: [
    { key: 'externalCode', header: 'Mã hồ sơ', width: 12 },
    { key: 'name', header: 'Tên chủ thể', width: 40 },
    { key: 'legalForm', header: 'Loại hình', width: 22, value: (s) => LEGAL_FORM_LABELS[s.legalForm].vi },
    { key: 'taxCode', header: 'Mã số thuế', width: 16 },
    { key: 'communeCode', header: 'Mã xã/phường', width: 12 },
    { key: 'communeName', header: 'Xã/phường', width: 22 },
    { key: 'address', header: 'Địa chỉ', width: 30 },
    { key: 'representativeName', header: 'Người đại diện', width: 24 },
    { key: 'representativeGender', header: 'Giới tính', width: 10, value: (s) => (s.representativeGender ? GENDER_LABELS[s.representativeGender].vi : null) },
    { key: 'representativeEthnicity', header: 'Dân tộc', width: 10 },
    { key: 'representativeDisability', header: 'Người khuyết tật', width: 10 },
    { key: 'phone', header: 'Điện thoại', width: 14 },
    { key: 'email', header: 'Email', width: 26 },
    { key: 'foundedOn', header: 'Ngày thành lập', type: 'date' },
    { key: 'workforceTotal', header: 'Tổng số lao động', type: 'number' },
    { key: 'workforceLocal', header: 'Lao động địa phương', type: 'number' },
    { key: 'workforceWomen', header: 'Lao động nữ', type: 'number' },
    { key: 'status', header: 'Tình trạng hoạt động', width: 16, value: (s) => SUBJECT_STATUS_LABELS[s.status].vi },
    { key: 'productCount', header: 'Số sản phẩm', type: 'number' },
    { key: 'createdAt', header: 'Ngày đăng ký', type: 'date' },
  ],
};
