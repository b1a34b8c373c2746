package main

import "sort"

func mediana(precos []float64) *float64 {
	if len(precos) == 0 {
		return nil
	}
	v := append([]float64{}, precos...)
	sort.Float64s(v)
	meio := len(v) / 2
	r := v[meio]
	if len(v)%2 == 0 {
		r = (v[meio-1] + v[meio]) / 2
	}
	return &r
}
