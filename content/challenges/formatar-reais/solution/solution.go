package main

import "fmt"

func formatarReais(centavos int64) string {
	sinal := ""
	v := centavos
	if v < 0 {
		sinal = "-"
		v = -v
	}
	reais := fmt.Sprint(v / 100)
	b := []byte{}
	for i := 0; i < len(reais); i++ {
		if i > 0 && (len(reais)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, reais[i])
	}
	return fmt.Sprintf("%sR$ %s,%02d", sinal, string(b), v%100)
}
