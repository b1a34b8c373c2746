package main

func mediaMovel(leituras []float64, janela int64) []float64 {
	r := []float64{}
	k := int(janela)
	if janela < 1 || k > len(leituras) {
		return r
	}
	soma := 0.0
	for i := 0; i < k; i++ {
		soma += leituras[i]
	}
	r = append(r, soma/float64(k))
	for i := k; i < len(leituras); i++ {
		soma += leituras[i] - leituras[i-k]
		r = append(r, soma/float64(k))
	}
	return r
}
