package main

import "container/heap"

type item struct{ custo, cd int64 }
type filaMin []item

func (f filaMin) Len() int            { return len(f) }
func (f filaMin) Less(i, j int) bool  { return f[i].custo < f[j].custo }
func (f filaMin) Swap(i, j int)       { f[i], f[j] = f[j], f[i] }
func (f *filaMin) Push(x interface{}) { *f = append(*f, x.(item)) }
func (f *filaMin) Pop() interface{} {
	old := *f
	x := old[len(old)-1]
	*f = old[:len(old)-1]
	return x
}

func menorCusto(n int64, trechos [][]int64, origem int64, destino int64) int64 {
	if origem < 0 || origem >= n || destino < 0 || destino >= n {
		return -1
	}
	adj := make([][][2]int64, n)
	for _, t := range trechos {
		adj[t[0]] = append(adj[t[0]], [2]int64{t[1], t[2]})
		adj[t[1]] = append(adj[t[1]], [2]int64{t[0], t[2]})
	}
	visto := make([]bool, n)
	f := &filaMin{{0, origem}}
	for f.Len() > 0 {
		atual := heap.Pop(f).(item)
		if visto[atual.cd] {
			continue
		}
		visto[atual.cd] = true
		if atual.cd == destino {
			return atual.custo
		}
		for _, e := range adj[atual.cd] {
			if !visto[e[0]] {
				heap.Push(f, item{atual.custo + e[1], e[0]})
			}
		}
	}
	return -1
}
