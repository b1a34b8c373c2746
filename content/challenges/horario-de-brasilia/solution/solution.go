package main

import (
	"regexp"
	"time"
)

var formatoUtc = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

func paraBrasilia(instanteUtc string) string {
	if !formatoUtc.MatchString(instanteUtc) {
		return ""
	}
	t, err := time.Parse("2006-01-02T15:04:05Z", instanteUtc)
	if err != nil || t.Year() < 1970 {
		return ""
	}
	return t.Add(-3 * time.Hour).Format("02/01/2006 15:04:05")
}
