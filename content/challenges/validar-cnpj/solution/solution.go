package main

func validarCnpj(cnpj string) bool {
	d := []int{}
	for _, c := range cnpj {
		if c == '.' || c == '/' || c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		d = append(d, int(c-'0'))
	}
	if len(d) != 14 {
		return false
	}
	iguais := true
	for _, x := range d {
		if x != d[0] {
			iguais = false
		}
	}
	if iguais {
		return false
	}
	p2 := []int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	for pos := 12; pos <= 13; pos++ {
		soma := 0
		for i := 0; i < pos; i++ {
			soma += d[i] * p2[i+13-pos]
		}
		resto := soma % 11
		esperado := 11 - resto
		if resto < 2 {
			esperado = 0
		}
		if d[pos] != esperado {
			return false
		}
	}
	return true
}
