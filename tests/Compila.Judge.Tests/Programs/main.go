package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

func main() {
	mode := os.Args[1]
	token := ""
	if len(os.Args) > 2 {
		token = os.Args[2]
	}
	rest := []string{}
	if len(os.Args) > 3 {
		rest = os.Args[3:]
	}
	switch mode {
	case "hello":
		fmt.Println("Olá, ação ✓")
	case "echo":
		b, _ := io.ReadAll(os.Stdin)
		fmt.Println("echo:" + strings.ToUpper(string(b)))
	case "exit3":
		os.Exit(3)
	case "throw":
		panic("boom")
	case "loop":
		for {
		}
	case "hog":
		var hog [][]byte
		for {
			block := make([]byte, 1<<20)
			for i := range block {
				block[i] = 1
			}
			hog = append(hog, block)
		}
	case "fork":
		for {
			_ = exec.Command("/proc/self/exe", "fork", token).Start()
		}
	case "threads":
		for n := 0; n < 100000; n++ {
			go func() {
				runtime.LockOSThread()
				time.Sleep(30 * time.Second)
			}()
		}
		time.Sleep(2 * time.Second)
		os.Exit(4)
	case "output":
		chunk := strings.Repeat("x", 1<<20) + "\n"
		for i := 0; i < 100; i++ {
			os.Stdout.WriteString(chunk)
		}
	case "bigfile":
		f, err := os.Create("/tmp/big")
		if err != nil {
			panic(err)
		}
		block := make([]byte, 1<<20)
		for i := 0; i < 1024; i++ {
			if _, err := f.Write(block); err != nil {
				panic(err)
			}
		}
		fmt.Println("wrote 1 GB")
	case "net":
		for _, host := range []string{"127.0.0.1:" + rest[0], "192.0.2.1:80"} {
			name := strings.Split(host, ":")[0]
			c, err := net.DialTimeout("tcp", host, 2*time.Second)
			if err == nil {
				c.Close()
				fmt.Println("connected " + name)
			} else {
				fmt.Println("failed "+name, err)
			}
		}
	case "secrets":
		for _, p := range rest {
			if _, err := os.Stat(p); err == nil {
				fmt.Println(p, "visible")
			} else {
				fmt.Println(p, "missing")
			}
		}
		fmt.Println("env", os.Environ())
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			if strings.Trim(e.Name(), "0123456789") == "" {
				b, err := os.ReadFile("/proc/" + e.Name() + "/environ")
				fmt.Println("environ", e.Name(), string(b), err)
			}
		}
	case "background":
		// The sandbox has no shell: the child is this program, sleeping.
		_ = exec.Command("/proc/self/exe", "sleep", token).Start()
		fmt.Println("spawned")
	case "sleep":
		time.Sleep(1000 * time.Second)
	case "tmpwrite":
		_ = os.WriteFile("/tmp/"+token, []byte("x"), 0o644)
		_ = os.WriteFile("/dev/shm/"+token, []byte("x"), 0o644)
		fmt.Println("written")
	case "tmpcheck":
		_, e1 := os.Stat("/tmp/" + token)
		_, e2 := os.Stat("/dev/shm/" + token)
		fmt.Printf("tmp=%v shm=%v\n", e1 == nil, e2 == nil)
	case "plant":
		for _, d := range []string{"/box", "/tmp"} {
			if err := os.Symlink(rest[0], d+"/planted"); err == nil {
				fmt.Println("planted " + d)
			} else {
				fmt.Println("refused " + d)
			}
		}
	}
}
