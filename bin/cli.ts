import { runCatalogCommand } from './commands/catalog.ts';
import { runMatterCommand } from './commands/matter.ts';
import { runReportCommand } from './commands/report.ts';
import { runSearchCommand } from './commands/search.ts';
import { EXIT, type CliIo } from './io.ts';

const USAGE = `onewindow — 无差别全科受理 command line

用法 Usage:
  onewindow search <text> [--json] [--limit N] [--department ID]   查找事项 find matters
  onewindow matter <code> [--json]                                  办事指南 a matter's guide (实施编码 or 基本编码)
  onewindow catalog validate <file>                                 校验目录 validate a catalog JSON file
  onewindow catalog export [--out FILE]                             导出萧山演示目录 export the Xiaoshan demo catalog
  onewindow report --hall ID --from YYYY-MM-DD --to YYYY-MM-DD [--csv | --json] [--url URL]
                                                                    大厅运行报表 the hall report from a running worker
                                                                    (default URL http://127.0.0.1:8787, npm start)`;

/** Dispatches argv to a command; returns the process exit code. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return runSearchCommand(rest, io);
      case 'matter':
        return runMatterCommand(rest, io);
      case 'catalog':
        return await runCatalogCommand(rest, io);
      case 'report':
        return await runReportCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.err(`未知命令 unknown command: ${command}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    // parseArgs throws on unknown or malformed options: that is a usage error, not a crash.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`参数有误 bad arguments: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
};
