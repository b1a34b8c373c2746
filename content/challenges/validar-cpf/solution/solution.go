package main

func validarCpf(cpf string) bool {
	d := []int{}
	for _, c := range cpf {
		if c == '.' || c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		d = append(d, int(c-'0'))
	}
	if len(d) != 11 {
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
	for k := 9; k <= 10; k++ {
		soma := 0
		for i := 0; i < k; i++ {
			soma += d[i] * (k + 1 - i)
		}
		resto := soma % 11
		esperado := 11 - resto
		if resto < 2 {
			esperado = 0
		}
		if d[k] != esperado {
			return false
		}
	}
	return true
}
