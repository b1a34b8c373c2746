

// ---- compila.dev harness: (cenário) lê as chamadas de cada passo (nunca os valores esperados) ----
// __CPL_VALUES__
type cplError struct{ msg string }

func cplRun(c int64, s int, call func() (interface{}, error)) (rec string) {
	realOut := cplos.Stdout
	realErr := cplos.Stderr
	r, w, err := cplos.Pipe()
	if err != nil {
		panic(err)
	}
	done := make(chan string)
	go func() {
		data, _ := cplio.ReadAll(r)
		done <- string(data)
	}()
	cplos.Stdout = w
	cplos.Stderr = w
	start := cpltime.Now()
	var b cplstrings.Builder
	head := "{\"c\":" + cplstrconv.FormatInt(c, 10) + ",\"s\":" + cplstrconv.Itoa(s) + ",\"ms\":"
	finish := func() {
		cplos.Stdout = realOut
		cplos.Stderr = realErr
		w.Close()
		out := <-done
		r.Close()
		b.WriteString(",\"out\":")
		cplString(&b, out)
		b.WriteString("}")
		rec = b.String()
	}
	defer func() {
		if p := recover(); p != nil {
			b.Reset()
			ms := float64(cpltime.Since(start).Nanoseconds()) / 1e6
			b.WriteString(head + cplstrconv.FormatFloat(ms, 'f', 3, 64))
			if se, ok := p.(cplSerializeError); ok {
				b.WriteString(",\"ok\":false,\"kind\":\"serialize\",\"error\":")
				cplString(&b, se.msg)
			} else if re, ok := p.(cplError); ok {
				b.WriteString(",\"ok\":false,\"kind\":\"refused\",\"error\":")
				cplString(&b, re.msg)
			} else {
				b.WriteString(",\"ok\":false,\"kind\":\"exception\",\"error\":")
				if e, ok := p.(error); ok {
					cplString(&b, "panic: "+e.Error())
				} else {
					cplString(&b, "panic: "+cplFormat(p))
				}
			}
			finish()
		}
	}()
	value, refused := call()
	if refused != nil {
		panic(cplError{refused.Error()})
	}
	ms := float64(cpltime.Since(start).Nanoseconds()) / 1e6
	var vb cplstrings.Builder
	cplWrite(&vb, cplreflect.ValueOf(value))
	b.WriteString(head + cplstrconv.FormatFloat(ms, 'f', 3, 64) + ",\"ok\":true,\"value\":" + vb.String())
	finish()
	return rec
}

func cplFormat(p interface{}) string {
	switch x := p.(type) {
	case string:
		return x
	case interface{ String() string }:
		return x.String()
	default:
		return cplreflect.TypeOf(p).String()
	}
}

// cplDispatch calls a method on the current case's instance; it is made again, with a fresh instance, at each case's step 0.
var cplDispatch func(m int, raw []cpljson.RawMessage) (interface{}, error)

func main() {
	realOut := cplos.Stdout
	reader := cplbufio.NewReaderSize(cplos.Stdin, 1<<20)
	data, _ := cplio.ReadAll(reader)
	for _, line := range cplstrings.Split(string(data), "\n") {
		if cplstrings.TrimSpace(line) == "" {
			continue
		}
		var parts []cpljson.RawMessage
		if err := cpljson.Unmarshal([]byte(line), &parts); err != nil {
			panic(err)
		}
		var c int64
		var s, m int
		var raw []cpljson.RawMessage
		cplArg(parts, 0, &c)
		cplArg(parts, 1, &s)
		cplArg(parts, 2, &m)
		cplArg(parts, 3, &raw)
		rec := cplRun(c, s, func() (interface{}, error) {
			if s == 0 {
				cplDispatch = nil
				inst := __CPL_NEW__
				cplDispatch = func(m int, raw []cpljson.RawMessage) (interface{}, error) {
					switch m {
__CPL_DISPATCH__
					}
					panic("método desconhecido")
				}
			}
			if cplDispatch == nil {
				panic("a instância deste caso não foi criada")
			}
			return cplDispatch(m, raw)
		})
		realOut.WriteString("\n@@COMPILA@@" + rec + "\n")
	}
}
