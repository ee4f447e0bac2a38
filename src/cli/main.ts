import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../server/config.js';
import { AppError } from '../domain/errors.js';
import { SHEET_KEYS } from '../domain/imports/sheets.js';
import { DatabaseInUseError } from '../server/db/client.js';
import { processIo, type CliIo } from './context.js';
import { migrateCommand, seedCommand } from './database.commands.js';
import type { SeedScaleCommandOptions } from './seed-scale.command.js';
import { userCreateCommand } from './user.commands.js';
import { scoreCommand } from './score.command.js';

/**
 * `ocop`: the operator's command line. Commands load their modules when they run, so `--help` and
 * small commands start quickly. Every command honours DATA_DIR and DATABASE_URL (from `io.env`) and
 * writes only through `io`, so a test runs it in process exactly as an operator would.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command()
    // Set before the commands are added, so they inherit it: output through io, errors thrown, not exit().
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      ...(io.isTTY ? {} : { getOutHasColors: () => false, getErrHasColors: () => false }),
    })
    .exitOverride()
    .name('ocop')
    .description('Nền tảng OCOP — công cụ dòng lệnh / OCOP platform command line')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nBiến môi trường / Environment: PORT, DATA_DIR (./data), DATABASE_URL, DATABASE_OWNER_URL, PROVINCE_CODE (82), ADMIN_EMAIL, ADMIN_PASSWORD, DEMO_DATA (true), DEMO_HISTORY (true), BACKGROUND_WORK (inline|off)',
    );

  program
    .command('serve')
    .description('Chạy máy chủ web và API / run the web server and API (what `npm start` runs)')
    .option('--port <port>', 'cổng / port (PORT, default 3000)')
    .addOption(new Option('--no-demo', 'không tạo dữ liệu mẫu khi CSDL trống / do not seed the demo province on an empty database'))
    .action(async (opts: { port?: string; demo: boolean }) => (await import('./serve.command.js')).serveCommand(opts, io));

  program
    .command('build')
    .description('Dựng ứng dụng web vào dist/web / build the web app into dist/web (`npm run build`)')
    .option('--if-changed', 'chỉ dựng khi mã nguồn web đã đổi (`npm start`) / only when the web sources changed (what `npm start` runs)')
    .action(async (opts: { ifChanged?: boolean }) => (await import('./build.command.js')).buildCommand(opts, io));

  program
    .command('worker')
    .description(
      'Chạy các việc nền (nhập dữ liệu, gửi e-mail, nhắc đánh giá lại) không kèm máy chủ web, cho triển khai nhiều tiến trình trên PostgreSQL (BACKGROUND_WORK=off ở tiến trình web) / run the background work without a web server (several processes on PostgreSQL)',
    )
    .action(async () => (await import('./worker.command.js')).workerCommand(io));

  program
    .command('migrate')
    .description('Áp dụng migration và nạp danh mục / apply migrations and load reference data')
    .action(() => migrateCommand(io));

  program
    .command('seed')
    .description('Tạo dữ liệu mẫu / seed data')
    .option(
      '--demo',
      'tỉnh mẫu Đồng Tháp (82), một tài khoản mỗi vai trò, và lịch sử 2019–2026 trừ khi DEMO_HISTORY=false / the demo province, one account per role, and its 2019–2026 history unless DEMO_HISTORY=false',
    )
    .addOption(
      new Option(
        '--scale <scale>',
        'dữ liệu giả lập: toàn quốc (34 tỉnh, 20.000 chủ thể, 50.000 sản phẩm, 120.000 hồ sơ…) hoặc một tỉnh (PROVINCE_CODE) / generated data: the whole country or one province',
      ).choices(['national', 'province']),
    )
    .option('--seed <n>', 'hạt giống: cùng hạt giống, cùng dữ liệu (mặc định 2026) / the seed: same seed, same data (default 2026)')
    .option('--today <date>', 'ngày "hôm nay" của dữ liệu, yyyy-mm-dd (mặc định 2026-12-01) / the data\'s "today" (default 2026-12-01)')
    .option('--replace', 'xoá hồ sơ đang có (trừ danh mục) trước khi tạo / empty the programme records (all but reference data) first')
    .option('--force', 'cho phép chạy khi NODE_ENV=production / allow running with NODE_ENV=production')
    .addOption(new Option('--producers <n>', 'số chủ thể thay cho quy mô (kiểm thử) / producers instead of the scale (tests)').hideHelp())
    .addHelpText('after', '\nVí dụ / example:\n  ocop seed --demo\n  DATABASE_URL=postgres://… ocop seed --scale national --seed 7')
    .action(async (opts: SeedScaleCommandOptions & { demo?: boolean }) => {
      if (opts.scale) return (await import('./seed-scale.command.js')).seedScaleCommand(opts, io);
      if (!opts.demo)
        throw new AppError('invalid', 'seed_what', { vi: 'Chọn --demo hoặc --scale national|province.', en: 'Choose --demo or --scale national|province.' });
      return seedCommand(io);
    });

  program
    .command('score')
    .description('Chấm một phiếu hoặc các phiếu của hội đồng (JSON) và in kết quả JSON / score a sheet or a council’s sheets, print JSON')
    .argument('<file>', 'tệp JSON { version, set, choices } hoặc { version, set, members: [{ choices }] }; "-" đọc từ stdin')
    .option('--criteria <file...>', 'thêm bộ tiêu chí (JSON) ngoài bộ có sẵn / extra criteria version files')
    .addOption(new Option('--gate-policy <policy>', 'khi thiếu yêu cầu tối thiểu / at a missed minimum').choices(['cap', 'not-achieved']))
    .option('--spread-threshold <points>', 'ngưỡng chênh lệch điểm giữa thành viên (mặc định 10) / re-score threshold')
    .addHelpText('after', '\nVí dụ / example:\n  echo \'{"version":"26/2026/QĐ-TTg","set":1,"choices":{"1.1":2,…}}\' | ocop score -')
    .action((file: string, opts) => scoreCommand(file, opts, io));

  program
    .command('backup')
    .description('Sao lưu toàn bộ dữ liệu (CSDL và tệp tải lên) vào một tệp / back up the whole platform (database and uploaded files) into one file')
    .requiredOption('--out <file>', 'tệp sao lưu .tar.gz cần ghi / the .tar.gz archive to write')
    .addHelpText('after', '\nVí dụ / example:\n  ocop backup --out backups/ocop-$(date +%F).tar.gz')
    .action(async (opts: { out: string }) => (await import('./backup.commands.js')).backupCommand(opts, io));

  program
    .command('restore')
    .description('Khôi phục toàn bộ dữ liệu từ tệp sao lưu / restore the whole platform from a backup file')
    .argument('<file>', 'tệp do `ocop backup` tạo / a file written by `ocop backup`')
    .option('--force', 'thay thế dữ liệu đang có (mặc định: chỉ khôi phục vào CSDL trống) / replace existing data (default: only into an empty database)')
    .action(async (file: string, opts: { force?: boolean }) => (await import('./backup.commands.js')).restoreCommand(file, opts, io));

  program
    .command('import')
    .description('Nhập hồ sơ sẵn có của tỉnh từ Excel/CSV (chủ thể, sản phẩm, kết quả đánh giá) / import existing records from XLSX or CSV')
    .argument('<files...>', 'tệp .xlsx hoặc .csv (mẫu: GET /api/v1/imports/template) / workbook or CSV files')
    .option('--dry-run', 'chỉ kiểm tra và xem trước, không ghi / check and preview only')
    .addOption(new Option('--sheet <sheet>', 'bảng của tệp CSV khi không nhận ra từ tiêu đề / the sheet of a CSV').choices([...SHEET_KEYS]))
    .action(async (files: string[], opts) => (await import('./programme.commands.js')).importCommand(files, opts, io));

  program
    .command('db')
    .description('Cơ sở dữ liệu PostgreSQL / the PostgreSQL database')
    .command('grant-app-role')
    .description(
      'Cấp cho vai trò ứng dụng đúng các quyền cần (chạy bằng chủ sở hữu: DATABASE_OWNER_URL) / grant the application role what it needs, as the owner',
    )
    .argument('<role>', 'vai trò đã tạo bằng CREATE ROLE … LOGIN / a role created with CREATE ROLE … LOGIN')
    .addHelpText('after', '\nXem / see docs/database-roles.md')
    .action(async (role: string) => (await import('./roles.command.js')).grantAppRoleCommand(role, io));

  const report = program.command('report').description('Báo cáo / reports');
  report
    .command('annual')
    .description('Báo cáo kết quả thực hiện Chương trình OCOP năm N / the annual report of year N')
    .requiredOption('--year <year>', 'năm báo cáo / the year')
    .addOption(new Option('--format <format>', 'định dạng / format').choices(['json', 'docx', 'xlsx']).default('json'))
    .option('--out <file>', 'tệp cần ghi (mặc định: in ra) / file to write (default: standard output)')
    .action(async (opts) => (await import('./programme.commands.js')).annualReportCommand(opts, io));

  const user = program.command('user').description('Quản lý tài khoản / manage accounts');
  user
    .command('create')
    .description('Tạo tài khoản / create an account')
    .requiredOption('--email <email>', 'email đăng nhập / sign-in e-mail')
    .addOption(new Option('--role <role>', 'vai trò / role').choices(['admin', 'officer', 'council', 'producer']).makeOptionMandatory())
    .option('--password <password>', 'mật khẩu (≥ 10 ký tự); bỏ trống để sinh mật khẩu dùng một lần / omit for a one-time password')
    .option('--name <name>', 'họ tên / full name')
    .option('--province <code>', 'mã tỉnh; "none" cho cấp trung ương / province code, "none" for national scope')
    .option('--communes <codes>', 'mã xã, cách nhau bởi dấu phẩy (cán bộ xã) / comma-separated commune codes (officer)')
    .option('--subject <id>', 'mã chủ thể (tài khoản chủ thể) / subject id (producer)')
    .action((opts) => userCreateCommand(opts, io));

  return program;
}

/** Exit code 0 or 1 (commander's own for a usage error, after its message and the help). */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    loadConfig(io.env); // fail fast on a bad environment, before any command runs
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // --help, or a usage error already explained
    if (err instanceof ConfigError || err instanceof DatabaseInUseError) io.err(`${err.message}\n`);
    else if (err instanceof AppError) {
      const fields = Object.entries(err.fields)
        .map(([k, m]) => `\n  - ${k}: ${m.vi} / ${m.en}`)
        .join('');
      io.err(`Lỗi: ${err.messages.vi}\nError: ${err.messages.en}${fields}\n`);
    } else io.err(`Lỗi / Error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

// Run directly (`node --import tsx src/cli/main.ts serve`, as `npm run dev` does); bin/ocop.js calls run() itself.
const entry = process.argv[1];
if (entry && fs.realpathSync(entry) === fileURLToPath(import.meta.url)) process.exitCode = await run(process.argv.slice(2));
