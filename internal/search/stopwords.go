package search

import "strings"

// The lists are written folded (no accents), because they are checked after
// folding: "où" and "ou", "à" and "a", "là" and "la" are the same word to
// the index. A word belongs here when it says nothing about what a thread is
// about; meaningful words a newcomer types ("client", "facture", "tarif",
// "devis", "statut", "avoir" — a credit note in accounting — "trouver")
// must never be added.

// elisions are the words French writes with an apostrophe before a vowel.
// Followed by an apostrophe they are dropped, so l'entreprise and
// d'entreprise index as entreprise. quelqu' and presqu' are included
// because their second half (un, île) is what the writer meant.
var elisions = wordSet(`l d j qu n s c m t jusqu lorsqu puisqu quoiqu quelqu presqu`)

// frenchStopWords: articles, pronouns, prepositions, conjunctions, the
// conjugated forms of être, avoir, faire, pouvoir, vouloir and devoir, the
// question words of a newcomer's sentence ("comment", "combien",
// "pourquoi"), and the greetings and thanks that open or close nearly every
// post, which would otherwise weigh on ranking.
var frenchStopWords = `
a au aux avec ce ces dans de des du elle elles en et eux il ils je la le les
leur leurs lui ma mais me meme memes mes moi mon ne ni nos notre nous on ou
par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
votre vous c d j l m n s t y
ceci cela ca celui celle celles ceux cet cette ici voici voila
soi quel quelle quels quelles lequel laquelle lesquels lesquelles duquel
auquel auxquels auxquelles dont quoi
alors aussi autre autres avant apres bien car chaque comme comment combien
pourquoi quand donc encore entre deja tres trop peu plus moins tout tous
toute toutes rien si sans sous vers chez contre depuis pendant selon sinon
puis ainsi aucun aucune certains certaines non oui parce parfois lorsque
puisque jusque tandis afin quelque quelques quelqu aujourd hui vraiment
beaucoup plusieurs fois bref enfin ok okay etc ah oh bon ben bah
bonjour bonsoir salut coucou hello merci mercis cordialement svp stp
ete etee etees etes etant suis es est sommes sont serai seras sera serons
serez seront serais serait serions seriez seraient etais etait etions etiez
etaient fus fut fumes futes furent sois soit soyons soyez soient fusse
fusses fussions fussiez fussent etre
ayant eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez
auront aurais aurait aurions auriez auraient avais avait avions aviez
avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse eusses
eussions eussiez eussent
fait faite faits faites fais font faire faisons faisait ferai ferais
ferait feront
peut peux peuvent pouvez pouvons pourrait pourrais pourriez pourrions
pourraient pu
veux veut voulez voulons veulent voudrais voudrait voudriez voudrions
voudraient
dois doit doivent devez devons devrait devrais devriez devrions dois
faut fallait faudrait
va vais vas vont allez allons
`

// englishStopWords is the usual English list, without the words that are
// also meaningful French once folded: "but" (un but, a goal), "these"
// (thèses), "ours" (un ours). "re", "ve", "ll" are the tails of they're,
// I've, we'll.
var englishStopWords = `
a about above after again against all am an and any are as at be because
been before being below between both by can cannot could did do does doing
down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ourselves out over
own same she should so some such than that the their theirs them themselves
then there they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours
yourself yourselves re ve ll
`

// stopWords is the union of both lists: a text's language is not known, and
// a French post quotes English words and the reverse.
var stopWords = wordSet(frenchStopWords + englishStopWords)

// wordSet returns the whitespace-separated words of list as a set.
func wordSet(list string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
