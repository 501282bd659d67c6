// The offline pack: one folder (and a zip of it) that runs with nothing but Node >= 20 on
// Windows or Linux, for a machine without internet.
//   node scripts/pack-offline.js [--out DIR] [--word-url URL] [--wps-url URL] [--cli-only]
// It holds the command line bundled into one script (nianbao.cjs) with its batch worker
// (worker.js, found beside it), the Word add-in built with office.js inside (word/), the WPS
// add-in laid out for WPS's offline add-in folder (wps/nianbao_<version>/), the sample report
// and a Chinese README.txt. --cli-only leaves out the add-ins (what the test builds).
"use strict";
const { spawnSync } = require("node:child_process");
const {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { join, relative, resolve, sep } = require("node:path");
const esbuild = require("esbuild");
const { zipSync } = require("fflate");

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const NAME = `nianbao-offline-${pkg.version}`;

function parseArguments(argv) {
  const options = {
    out: join(ROOT, "dist/offline", NAME),
    wordUrl: "https://localhost:3000/",
    wpsUrl: "http://127.0.0.1:3889/",
    cliOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === "--out") options.out = resolve(value());
    else if (flag === "--word-url") options.wordUrl = value();
    else if (flag === "--wps-url") options.wpsUrl = value();
    else if (flag === "--cli-only") options.cliOnly = true;
    else {
      console.error(
        "usage: node scripts/pack-offline.js [--out DIR] [--word-url URL] [--wps-url URL] [--cli-only]",
      );
      process.exit(2);
    }
  }
  return options;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`pack-offline: ${[command, ...args].join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

/**
 * bin/nianbao.js requires the compiled CLI (dist/node): bundled from the TypeScript sources
 * instead, so packing neither needs nor touches dist/node.
 */
const cliFromSources = {
  name: "cli-from-sources",
  setup(build) {
    build.onResolve({ filter: /dist\/node\/cli\/main\.js$/ }, () => ({
      path: join(ROOT, "src/cli/main.ts"),
    }));
  },
};

/** The command line and its worker, each one self-contained CommonJS file for Node 20. */
async function bundleCli(out) {
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    legalComments: "eof",
  };
  // With bin/nianbao.js's last-resort error handling.
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, "bin/nianbao.js")],
    outfile: join(out, "nianbao.cjs"),
    plugins: [cliFromSources],
  });
  // src/cli/batch/pool.ts starts `worker.js` beside the running script.
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, "src/cli/batch/worker.ts")],
    outfile: join(out, "worker.js"),
  });
  // The version `nianbao -V` prints; "type": "commonjs" keeps worker.js CommonJS wherever
  // the folder is put.
  writeFileSync(
    join(out, "package.json"),
    `${JSON.stringify(
      {
        name: pkg.name,
        version: pkg.version,
        private: true,
        description: pkg.description,
        type: "commonjs",
        engines: pkg.engines,
      },
      null,
      2,
    )}\n`,
  );
  // Windows: `nianbao check …` from this folder, or with the folder on PATH.
  writeFileSync(join(out, "nianbao.cmd"), '@echo off\r\nnode "%~dp0nianbao.cjs" %*\r\n');
  copyFileSync(join(ROOT, "examples/sample-ruian-2021.docx"), join(out, "sample-ruian-2021.docx"));
}

function buildAddins(out, { wordUrl, wpsUrl }) {
  run(process.execPath, [
    join(ROOT, "scripts/build.js"),
    "office",
    "--env",
    "officeJs=local",
    "--env",
    `url=${wordUrl}`,
    "--output-path",
    join(out, "word"),
  ]);
  run(process.execPath, [
    join(ROOT, "scripts/build.js"),
    "wps",
    "--env",
    `url=${wpsUrl}`,
    "--output-path",
    join(out, "wps", `${pkg.name}_${pkg.version}`),
  ]);
}

function readme({ cliOnly, wordUrl }) {
  const wps = `${pkg.name}_${pkg.version}`;
  const lines = [
    `年报校核 ${pkg.version} 离线安装包`,
    "",
    "本文件夹无需联网、无需安装其他软件包，只需本机装有 Node.js 20 或更高版本",
    "（Windows 或 Linux 均可；在有网络的电脑上下载 Node.js 安装包，用 U 盘拷到本机安装）。",
    "检查全部在本机进行，文档内容不会上传。",
    "",
    "一、拷贝",
    "  把整个文件夹（或同名的 .zip 压缩包，拷过去后解压）用 U 盘拷到要用的电脑上，",
    "  放在任意位置，例如 D:\\年报校核\\ 或 /opt/nianbao/。文件夹内的文件不要拆开。",
    "",
    "二、命令行检查（在本文件夹中打开命令提示符或终端）",
    "  先试一下：  node nianbao.cjs check sample-ruian-2021.docx",
    "  检查一个文件夹里的全部年报：",
    "      node nianbao.cjs check D:\\收到的年报",
    "  生成整改台账（Excel/WPS 表格）：",
    "      node nianbao.cjs check D:\\收到的年报 -f xlsx -o 整改台账.xlsx",
    "  生成网页报告：  node nianbao.cjs check D:\\收到的年报 -f html -o 校核报告.html",
    "  生成带批注的副本：  node nianbao.cjs check D:\\收到的年报 -a D:\\批注副本",
    "  查看全部用法：  node nianbao.cjs check --help",
    "  Windows 上也可以直接用 nianbao.cmd 代替 node nianbao.cjs。",
    "",
  ];
  if (!cliOnly)
    lines.push(
      "三、WPS 文字加载项（离线模式）",
      `  把 wps\\${wps} 文件夹整个拷到 WPS 加载项文件夹：`,
      "    Windows：%APPDATA%\\kingsoft\\wps\\jsaddons\\",
      "    Linux：  ~/.local/share/Kingsoft/wps/jsaddons/",
      `  再把 wps\\${wps}\\publish.xml 中的 <jsplugin …/> 一行加到该文件夹的 publish.xml`,
      "  （没有这个文件就新建，内容为 <jsplugins>…</jsplugins>），重启 WPS 后出现“年报校核”选项卡。",
      "",
      "四、Word 加载项",
      `  word 文件夹是 Word 加载项（office.js 已包含在内，不需访问外网），清单中的地址为 ${wordUrl}。`,
      "  请由信息化部门把 word 文件夹放到内网 https 服务器的这个地址上，再按 word\\manifest.xml",
      "  部署（Microsoft 365 管理中心或“受信任的加载项目录”）。地址不同时，需要在有开发环境的电脑上用",
      "  npm run pack:offline -- --word-url https://服务器/nianbao/ 重新生成本安装包。",
      "",
    );
  lines.push(
    "出现问题时，加 --debug 重新运行，把显示的内容发给技术人员。",
    "退出码：0 无错误；1 发现错误；2 参数有误或无法保存结果；3 部分文件无法读取。",
  );
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A zip whose one top folder is the pack, so unzipping anywhere gives the same folder. */
function zipFolder(folder, zipPath) {
  const top = relative(resolve(folder, ".."), folder);
  const entries = {};
  for (const file of filesUnder(folder)) {
    const name = [top, ...relative(folder, file).split(sep)].join("/");
    entries[name] = [new Uint8Array(readFileSync(file)), { level: 9 }];
  }
  writeFileSync(zipPath, zipSync(entries));
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const started = process.hrtime.bigint();
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  await bundleCli(options.out);
  if (!options.cliOnly) buildAddins(options.out, options);
  writeFileSync(join(options.out, "README.txt"), readme(options));
  const zipPath = `${options.out}.zip`;
  zipFolder(options.out, zipPath);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const size = (path) => `${(statSync(path).size / 1024).toFixed(0)} KB`;
  console.log(
    `pack-offline: ${options.out} (nianbao.cjs ${size(join(options.out, "nianbao.cjs"))}, ` +
      `worker.js ${size(join(options.out, "worker.js"))}) and ${zipPath} (${size(zipPath)}) ` +
      `in ${seconds.toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
