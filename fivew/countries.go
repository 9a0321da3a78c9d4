package fivew

import "strings"

// countries are names of countries and country-like regions, lower case,
// as news text writes them. A country answers "where" less precisely than
// a city or a district in it, so a place outside this list is preferred.
var countries = map[string]bool{}

func init() {
	for _, n := range strings.Split(countryNames, ",") {
		if n = strings.TrimSpace(n); n != "" {
			countries[n] = true
		}
	}
}

// isCountry reports whether name is a country's name.
func isCountry(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.TrimPrefix(n, "the ")
	return countries[n]
}

const countryNames = `afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan, bolivia,
bosnia, bosnia and herzegovina, botswana, brazil, brunei, bulgaria, burkina faso, burundi, cambodia,
cameroon, canada, chad, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus, czech republic,
czechia, denmark, djibouti, dominican republic, ecuador, egypt, el salvador, eritrea, estonia, ethiopia,
fiji, finland, france, gabon, gambia, georgia, germany, ghana, greece, guatemala, guinea, guyana, haiti,
honduras, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, ivory coast, jamaica,
japan, jordan, kazakhstan, kenya, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia,
libya, liechtenstein, lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta,
mauritania, mauritius, mexico, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar, burma,
namibia, nepal, netherlands, holland, new zealand, nicaragua, niger, nigeria, north korea, north macedonia,
norway, oman, pakistan, palestine, panama, papua new guinea, paraguay, peru, philippines, poland, portugal,
qatar, romania, russia, rwanda, saudi arabia, senegal, serbia, sierra leone, singapore, slovakia, slovenia,
somalia, south africa, south korea, korea, south sudan, spain, sri lanka, sudan, suriname, sweden,
switzerland, syria, taiwan, tajikistan, tanzania, thailand, togo, tunisia, turkey, turkmenistan, uganda,
ukraine, united arab emirates, uae, united kingdom, uk, u.k., britain, great britain, england, scotland,
wales, northern ireland, united states, united states of america, us, u.s., u.s, usa, america, uruguay,
uzbekistan, venezuela, vietnam, yemen, zambia, zimbabwe, europe, africa, asia, middle east`
