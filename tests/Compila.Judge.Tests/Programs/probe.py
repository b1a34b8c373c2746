import os, socket, subprocess, sys, threading, time

mode = sys.argv[1]
token = sys.argv[2] if len(sys.argv) > 2 else ""
rest = sys.argv[3:]

if mode == "hello":
    print("Olá, ação ✓")
elif mode == "echo":
    print("echo:" + sys.stdin.read().upper())
elif mode == "exit3":
    sys.exit(3)
elif mode == "throw":
    raise ValueError("boom")
elif mode == "loop":
    while True:
        pass
elif mode == "hog":
    hog = []
    while True:
        hog.append(b"\x01" * (1 << 20))
elif mode == "fork":
    while True:
        try:
            os.fork()
        except OSError:
            pass
elif mode == "threads":
    n = 0
    try:
        while True:
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
            n += 1
    except RuntimeError:
        print("threads", n)
        sys.exit(4)
elif mode == "output":
    chunk = "x" * (1 << 20) + "\n"
    for _ in range(100):
        sys.stdout.write(chunk)
elif mode == "bigfile":
    with open("/tmp/big", "wb") as f:
        block = b"\x01" * (1 << 20)
        for _ in range(1024):
            f.write(block)
    print("wrote 1 GB")
elif mode == "net":
    for host, port in (("127.0.0.1", int(rest[0])), ("192.0.2.1", 80)):
        try:
            socket.create_connection((host, port), timeout=2).close()
            print("connected", host)
        except OSError as e:
            print("failed", host, e)
elif mode == "secrets":
    for p in rest:
        print(p, "visible" if os.path.exists(p) else "missing")
    print("env", dict(os.environ))
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                print("environ", pid, open(f"/proc/{pid}/environ", "rb").read())
            except OSError as e:
                print("environ", pid, e)
elif mode == "background":
    # The sandbox has no shell: the child is the interpreter itself.
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1000)", token])
    print("spawned")
elif mode == "tmpwrite":
    open("/tmp/" + token, "w").write("x")
    open("/dev/shm/" + token, "w").write("x")
    print("written")
elif mode == "tmpcheck":
    print("tmp=" + str(os.path.exists("/tmp/" + token)).lower() + " shm=" + str(os.path.exists("/dev/shm/" + token)).lower())
elif mode == "plant":
    for d in ("/box", "/tmp"):
        try:
            os.symlink(rest[0], d + "/planted")
            print("planted", d)
        except OSError:
            print("refused", d)
