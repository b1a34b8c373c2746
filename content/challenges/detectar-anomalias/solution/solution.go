package main

import "math"

func indicesAnomalos(valores []float64, limite float64) []int64 {
	r := []int64{}
	n := float64(len(valores))
	if len(valores) < 2 {
		return r
	}
	media := 0.0
	for _, x := range valores {
		media += x
	}
	media /= n
	soma := 0.0
	for _, x := range valores {
		soma += (x - media) * (x - media)
	}
	desvio := math.Sqrt(soma / n)
	if desvio == 0 {
		return r
	}
	for i, x := range valores {
		if math.Abs(x-media)/desvio > limite {
			r = append(r, int64(i))
		}
	}
	return r
}
