package main

func parcelar(totalCentavos int64, parcelas int64) []int64 {
	r := []int64{}
	if parcelas < 1 || parcelas > 24 || totalCentavos < 0 {
		return r
	}
	base, sobra := totalCentavos/parcelas, totalCentavos%parcelas
	for i := int64(0); i < parcelas; i++ {
		if i < sobra {
			r = append(r, base+1)
		} else {
			r = append(r, base)
		}
	}
	return r
}
