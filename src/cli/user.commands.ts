import { UserCreateBody } from '../contracts/users.js';
import { fieldErrors } from '../contracts/messages.js';
import { invalid } from '../domain/errors.js';
import type { UserActor } from '../domain/policies/index.js';
import { createUsersService } from '../server/modules/users/users.service.js';
import { lineOut, withDatabase, type CliIo } from './context.js';

/** The operator at the console acts with national scope. */
const CONSOLE_ACTOR: UserActor = { kind: 'user', userId: 'console', role: 'admin', provinceCode: null, communeCodes: [], subjectId: null };

type Options = { email: string; role: string; password?: string; name?: string; province?: string; communes?: string; subject?: string };

export const userCreateCommand = (opts: Options, io: CliIo) =>
  withDatabase(io, async (database, config) => {
    const log = lineOut(io);
    const parsed = UserCreateBody.safeParse({
      email: opts.email,
      fullName: opts.name ?? opts.email,
      password: opts.password,
      role: opts.role,
      provinceCode: opts.province === 'none' ? null : (opts.province ?? config.provinceCode),
      communeCodes: opts.communes ? opts.communes.split(',').map((c) => c.trim()) : [],
      subjectId: opts.subject,
    });
    if (!parsed.success) throw invalid('validation_failed', { vi: 'Dữ liệu không hợp lệ.', en: 'The input is invalid.' }, fieldErrors(parsed.error.issues));
    const { user: account, oneTimePassword } = await createUsersService(database.db).create(
      CONSOLE_ACTOR,
      { userId: null, label: 'console', ip: null },
      parsed.data,
    );
    log(`Đã tạo tài khoản / created: ${account.email} (${account.role})`);
    if (oneTimePassword) log(`Mật khẩu dùng một lần / one-time password: ${oneTimePassword}`);
  });
