

// ---- compila.dev harness: lê os argumentos de cada caso (nunca os valores esperados) ----
// __CPL_VALUES__
func cplRun(raw []cpljson.RawMessage) (rec string) {
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
			b.WriteString("{\"ms\":" + cplstrconv.FormatFloat(ms, 'f', 3, 64))
			if se, ok := p.(cplSerializeError); ok {
				b.WriteString(",\"ok\":false,\"kind\":\"serialize\",\"error\":")
				cplString(&b, se.msg)
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
	value := cplCall(raw)
	ms := float64(cpltime.Since(start).Nanoseconds()) / 1e6
	var vb cplstrings.Builder
	cplWrite(&vb, cplreflect.ValueOf(value))
	b.WriteString("{\"ms\":" + cplstrconv.FormatFloat(ms, 'f', 3, 64) + ",\"ok\":true,\"value\":" + vb.String())
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

func cplCall(raw []cpljson.RawMessage) interface{} {
__CPL_CALL__
}

func main() {
	realOut := cplos.Stdout
	reader := cplbufio.NewReaderSize(cplos.Stdin, 1<<20)
	data, _ := cplio.ReadAll(reader)
	for _, line := range cplstrings.Split(string(data), "\n") {
		if cplstrings.TrimSpace(line) == "" {
			continue
		}
		var raw []cpljson.RawMessage
		if err := cpljson.Unmarshal([]byte(line), &raw); err != nil {
			panic(err)
		}
		rec := cplRun(raw)
		realOut.WriteString("\n@@COMPILA@@" + rec + "\n")
	}
}
