
func cplWrite(b *cplstrings.Builder, v cplreflect.Value) {
	switch v.Kind() {
	case cplreflect.Invalid:
		b.WriteString("null")
	case cplreflect.Int, cplreflect.Int8, cplreflect.Int16, cplreflect.Int32, cplreflect.Int64:
		b.WriteString(cplstrconv.FormatInt(v.Int(), 10))
	case cplreflect.Uint, cplreflect.Uint8, cplreflect.Uint16, cplreflect.Uint32, cplreflect.Uint64:
		b.WriteString(cplstrconv.FormatUint(v.Uint(), 10))
	case cplreflect.Float32, cplreflect.Float64:
		f := v.Float()
		if cplmath.IsNaN(f) || cplmath.IsInf(f, 0) {
			panic(cplSerializeError{"número não finito"})
		}
		b.WriteString(cplstrconv.FormatFloat(f, 'g', -1, 64))
	case cplreflect.Bool:
		b.WriteString(cplstrconv.FormatBool(v.Bool()))
	case cplreflect.String:
		cplString(b, v.String())
	case cplreflect.Slice, cplreflect.Array:
		b.WriteByte('[')
		for k := 0; k < v.Len(); k++ {
			if k > 0 {
				b.WriteByte(',')
			}
			cplWrite(b, v.Index(k))
		}
		b.WriteByte(']')
	case cplreflect.Map:
		if v.Type().Key().Kind() != cplreflect.String {
			panic(cplSerializeError{"chave de mapa não é string"})
		}
		keys := v.MapKeys()
		cplsort.Slice(keys, func(x, y int) bool { return keys[x].String() < keys[y].String() })
		b.WriteByte('{')
		for k, key := range keys {
			if k > 0 {
				b.WriteByte(',')
			}
			cplString(b, key.String())
			b.WriteByte(':')
			cplWrite(b, v.MapIndex(key))
		}
		b.WriteByte('}')
	case cplreflect.Ptr, cplreflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
		} else {
			cplWrite(b, v.Elem())
		}
	default:
		panic(cplSerializeError{"tipo não suportado: " + v.Type().String()})
	}
}

type cplSerializeError struct{ msg string }

func cplString(b *cplstrings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("\\\"")
		case r == '\\':
			b.WriteString("\\\\")
		case r < 0x20 || r > 0x7e:
			if r > 0xffff {
				r -= 0x10000
				b.WriteString("\\u" + cplHex(0xd800+(r>>10)) + "\\u" + cplHex(0xdc00+(r&0x3ff)))
			} else {
				b.WriteString("\\u" + cplHex(r))
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func cplHex(r rune) string {
	h := cplstrconv.FormatInt(int64(r), 16)
	return cplstrings.Repeat("0", 4-len(h)) + h
}

func cplArg(raw []cpljson.RawMessage, k int, target interface{}) {
	if err := cpljson.Unmarshal(raw[k], target); err != nil {
		panic(err)
	}
}

