package main

import "sort"

func mesclarHorarios(horarios [][]int64) [][]int64 {
	ordenados := append([][]int64{}, horarios...)
	sort.Slice(ordenados, func(i, j int) bool {
		if ordenados[i][0] != ordenados[j][0] {
			return ordenados[i][0] < ordenados[j][0]
		}
		return ordenados[i][1] < ordenados[j][1]
	})
	r := [][]int64{}
	for _, h := range ordenados {
		if len(r) > 0 && h[0] <= r[len(r)-1][1] {
			if h[1] > r[len(r)-1][1] {
				r[len(r)-1][1] = h[1]
			}
		} else {
			r = append(r, []int64{h[0], h[1]})
		}
	}
	return r
}
