package main

import "unicode"

func regrasPendentes(senha string) []string {
	n := 0
	var min, mai, dig, sim, esp bool
	for _, c := range senha {
		n++
		switch {
		case c >= 'a' && c <= 'z':
			min = true
		case c >= 'A' && c <= 'Z':
			mai = true
		case c >= '0' && c <= '9':
			dig = true
		case unicode.IsSpace(c):
			esp = true
		default:
			sim = true
		}
	}
	r := []string{}
	if n < 8 || n > 64 {
		r = append(r, "tamanho")
	}
	if !min {
		r = append(r, "minuscula")
	}
	if !mai {
		r = append(r, "maiuscula")
	}
	if !dig {
		r = append(r, "digito")
	}
	if !sim {
		r = append(r, "simbolo")
	}
	if esp {
		r = append(r, "espaco")
	}
	return r
}
