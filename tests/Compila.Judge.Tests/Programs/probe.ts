const fs = require("fs");
const net = require("net");
const cp = require("child_process");

const mode = process.argv[2];
const token = process.argv[3] || "";
const rest = process.argv.slice(4);

function connect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host, port: port, timeout: 2000 });
    socket.on("connect", () => { console.log("connected " + host); socket.destroy(); resolve(0); });
    socket.on("timeout", () => { console.log("failed " + host + " timeout"); socket.destroy(); resolve(0); });
    socket.on("error", (e) => { console.log("failed " + host + " " + e.code); resolve(0); });
  });
}

switch (mode) {
  case "hello":
    console.log("Olá, ação ✓");
    break;
  case "echo":
    console.log("echo:" + fs.readFileSync(0, "utf8").toUpperCase());
    break;
  case "exit3":
    process.exit(3);
    break;
  case "throw":
    throw new Error("boom");
  case "loop":
    for (;;) { /* spin */ }
    break;
  case "hog": {
    const hog = [];
    for (;;) hog.push(Buffer.alloc(1 << 20, 1));
    break;
  }
  case "fork":
    for (;;) {
      try { cp.spawn(process.execPath, [process.argv[1], "fork", token], { stdio: "ignore" }); } catch { /* keep forking */ }
    }
    break;
  case "threads": {
    // Worker threads start asynchronously: count the threads the kernel actually gave us.
    const { Worker } = require("worker_threads");
    try {
      for (let i = 0; i < 2000; i++) new Worker("setTimeout(() => {}, 30000)", { eval: true }).on("error", () => {});
    } catch { /* refused */ }
    setTimeout(() => {
      const threads = fs.readFileSync("/proc/self/status", "utf8").match(/Threads:\s+(\d+)/)[1];
      console.log("threads " + threads);
      process.exit(4);
    }, 500);
    break;
  }
  case "output": {
    const chunk = "x".repeat(1 << 20) + "\n";
    for (let i = 0; i < 100; i++) process.stdout.write(chunk);
    break;
  }
  case "bigfile": {
    const fd = fs.openSync("/tmp/big", "w");
    const block = Buffer.alloc(1 << 20, 1);
    for (let i = 0; i < 1024; i++) fs.writeSync(fd, block);
    console.log("wrote 1 GB");
    break;
  }
  case "net":
    connect("127.0.0.1", Number(rest[0])).then(() => connect("192.0.2.1", 80));
    break;
  case "secrets":
    for (const p of rest) console.log(p + (fs.existsSync(p) ? " visible" : " missing"));
    console.log("env " + JSON.stringify(process.env));
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try { console.log("environ " + pid + " " + fs.readFileSync("/proc/" + pid + "/environ", "utf8")); } catch (e) { console.log("environ " + pid + " " + e.code); }
    }
    break;
  case "background":
    // The sandbox has no shell: the child is node itself.
    cp.spawn(process.execPath, ["-e", "setTimeout(() => {}, 1e6)", token], { detached: true, stdio: "ignore" }).unref();
    console.log("spawned");
    break;
  case "tmpwrite":
    fs.writeFileSync("/tmp/" + token, "x");
    fs.writeFileSync("/dev/shm/" + token, "x");
    console.log("written");
    break;
  case "tmpcheck":
    console.log("tmp=" + fs.existsSync("/tmp/" + token) + " shm=" + fs.existsSync("/dev/shm/" + token));
    break;
  case "plant":
    for (const d of ["/box", "/tmp"]) {
      try { fs.symlinkSync(rest[0], d + "/planted"); console.log("planted " + d); } catch { console.log("refused " + d); }
    }
    break;
}
