package claim

// eventVerbs map verb forms near a number to the claim's predicate.
var eventVerbs = map[string]string{
	"killed": "killed", "killing": "killed", "kill": "killed", "kills": "killed",
	"murdered": "killed", "murdering": "killed", "slain": "killed",
	"massacred": "killed", "died": "killed", "dead": "killed", "deaths": "killed",
	"death": "killed", "assassinated": "killed", "executed": "killed",
	"drowned": "killed", "perished": "killed",
	"wounded": "wounded", "wounding": "wounded", "injured": "wounded",
	"injuring": "wounded", "hurt": "wounded",
	"arrested": "arrested", "arresting": "arrested", "detained": "arrested",
	"detaining": "arrested", "captured": "arrested", "rounded": "arrested",
	"apprehended": "arrested", "jailed": "arrested",
	"released": "released", "freed": "released", "releasing": "released",
	"kidnapped": "kidnapped", "kidnaping": "kidnapped", "kidnapping": "kidnapped",
	"abducted": "kidnapped", "abducting": "kidnapped",
	"missing": "missing", "displaced": "displaced", "fled": "displaced",
}

// attackVerbs after a count of people make them the attackers.
var attackVerbs = map[string]bool{
	"targeted": true, "attacked": true, "shot": true, "opened": true,
	"fired": true, "ambushed": true, "approached": true, "stormed": true,
	"gunned": true, "sprayed": true, "assassinated": true,
}

// classes group counted units so that reports line up: "four gunmen" and
// "four assailants" are both the attackers.
var classes = map[string]string{
	"gunman": "attackers", "attacker": "attackers", "assailant": "attackers",
	"assassin": "attackers", "shooter": "attackers", "killer": "attackers",
	"hitman": "attackers", "motorcyclist": "attackers",
	"man": "people", "woman": "people", "person": "people", "member": "people",
	"paramilitary": "people", "detainee": "people", "suspect": "people",
	"fighter": "people", "militant": "people", "civilian": "people",
	"resident": "people", "villager": "people", "iraqi": "people",
	"iranian": "people", "syrian": "people", "child": "people",
	"student": "people", "worker": "people", "prisoner": "people",
	"hostage": "people", "soldier": "soldiers", "troop": "soldiers",
	"officer": "police officers", "policeman": "police officers",
	"protester": "protesters", "demonstrator": "protesters",
	"activist": "protesters", "journalist": "journalists",
	"reporter": "journalists", "militia": "factions", "faction": "factions",
	"group": "factions", "brigade": "factions", "motorcycle": "motorcycles", "scooter": "motorcycles",
	"guard": "people", "policemen": "police officers", "bodyguard": "people",
	"vehicle": "vehicles", "car": "vehicles", "truck": "vehicles",
	"pickup": "vehicles", "death": "people", "rocket": "rockets",
	"missile": "missiles", "drone": "drones", "round": "rounds",
	"bullet": "bullets", "shot": "shots", "bomb": "bombs", "explosion": "explosions",
	"blast": "blasts", "casualty": "casualties", "victim": "victims", "body": "bodies",
}

// peopleClasses are the classes that count people.
var peopleClasses = map[string]bool{
	"people": true, "protesters": true, "journalists": true, "soldiers": true,
	"police officers": true, "attackers": true,
}

// protestCues put a number in the story of protests.
var protestCues = []string{"protest", "demonstrat", "the streets", "uprising", "sit-in"}

// raidCues put a number in the story of a raid.
var raidCues = []string{"raid", "stormed", "rounded up", "descended on", "swoop"}

// countable are the classes whose bare counts ("two motorcycles", "67
// factions") are claims worth comparing.
var countable = map[string]bool{
	"motorcycles": true, "vehicles": true, "factions": true, "rockets": true,
	"missiles": true, "drones": true, "rounds": true, "bullets": true,
	"shots": true, "bombs": true, "explosions": true, "blasts": true,
	"casualties": true, "victims": true, "bodies": true,
}
