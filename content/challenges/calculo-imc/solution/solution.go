package main

func calcularImc(pesoKg float64, alturaM float64) *float64 {
	if pesoKg <= 0 || alturaM <= 0 {
		return nil
	}
	imc := pesoKg / (alturaM * alturaM)
	return &imc
}
