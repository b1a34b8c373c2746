package main

import "strconv"

func troco(centavos int64) map[string]int64 {
	r := map[string]int64{}
	for _, v := range []int64{20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1} {
		if centavos >= v {
			r[strconv.FormatInt(v, 10)] = centavos / v
			centavos %= v
		}
	}
	return r
}
