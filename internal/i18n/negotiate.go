package i18n

import (
	"sort"
	"strconv"
	"strings"
)

// Negotiate picks a locale: the person's own choice when they made one, then
// the browser's Accept-Language, then the site default.
func Negotiate(choice, acceptLanguage, siteDefault string) string {
	if Supported(choice) {
		return choice
	}
	if loc := fromAcceptLanguage(acceptLanguage); loc != "" {
		return loc
	}
	if Supported(siteDefault) {
		return siteDefault
	}
	return Locales[0]
}

// fromAcceptLanguage returns the supported language the header prefers most.
func fromAcceptLanguage(header string) string {
	type choice struct {
		lang string
		q    float64
	}
	var choices []choice
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		lang := strings.ToLower(strings.TrimSpace(fields[0]))
		if i := strings.IndexByte(lang, '-'); i > 0 {
			lang = lang[:i]
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				if parsed, err := strconv.ParseFloat(v, 64); err == nil {
					q = parsed
				}
			}
		}
		if Supported(lang) && q > 0 {
			choices = append(choices, choice{lang, q})
		}
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	if len(choices) == 0 {
		return ""
	}
	return choices[0].lang
}
