package main

func formatarCep(cep string) string {
	d := []rune{}
	for _, c := range cep {
		if c >= '0' && c <= '9' {
			d = append(d, c)
		}
	}
	if len(d) != 8 {
		return ""
	}
	return string(d[:5]) + "-" + string(d[5:])
}
