package demo

import (
	"strings"
	"time"

	"entraide/internal/accounts"
)

// The demo's content: its members, then its threads. Everything below is
// written for the demo, in the French of the community it shows. Bodies are
// Markdown with one paragraph per line, since the forum turns every newline
// into a line break.

// member is a demo account; every one of them logs in with DemoPassword.
type member struct {
	Username string
	Email    string
	Role     accounts.Role // the admin is created as such; the others are registered, then promoted
	About    string        // who the member plays, for the summary
}

// The demo members' usernames, as the threads below name their authors.
const (
	admin    = "admin-demo"
	sylvie   = "sylvie-secretariat"
	nathalie = "nathalie-juridique"
	karine   = "karine.transcription"
	aurelie  = "aurelie-assistante"
	helene   = "Hélène.B"
	camille  = "camille-reconversion"
	julien   = "Julien.L"
)

// members are created in this order; the admin comes first, since she
// promotes the others.
var members = []member{
	{admin, "admin@entraide-demo.example", accounts.Admin, "l'administratrice du forum"},
	{sylvie, "sylvie@entraide-demo.example", accounts.Member, "secrétaire médicale indépendante depuis 12 ans"},
	{nathalie, "nathalie@entraide-demo.example", accounts.Member, "ancienne assistante juridique, secrétariat d'avocats et de notaires"},
	{karine, "karine@entraide-demo.example", accounts.Member, "spécialiste de la transcription"},
	{aurelie, "aurelie@entraide-demo.example", accounts.Member, "assistante administrative des artisans, deux enfants"},
	{helene, "helene@entraide-demo.example", accounts.Moderator, "secrétaire indépendante polyvalente et modératrice"},
	{camille, "camille@entraide-demo.example", accounts.Newcomer, "aide-soignante en reconversion vers le secrétariat médical"},
	{julien, "julien@entraide-demo.example", accounts.Newcomer, "ancien gestionnaire logistique en reconversion"},
}

// The default sections, by slug.
const (
	seLancer  = "se-lancer"
	clients   = "trouver-des-clients"
	juridique = "juridique-et-statut"
	compta    = "comptabilite-et-tarifs"
	outils    = "outils-et-logiciels"
	entreNous = "entre-nous"
)

// moment is a time in the demo's past: so many days before the day Load
// runs, at a time of day, so that members post at believable hours.
type moment struct{ DaysAgo, Hour, Minute int }

func at(daysAgo, hour, minute int) moment { return moment{daysAgo, hour, minute} }

// on returns the moment as a time, counted back from now's day.
func (m moment) on(now time.Time) time.Time {
	y, mo, d := now.Date()
	return time.Date(y, mo, d-m.DaysAgo, m.Hour, m.Minute, 0, 0, now.Location()).UTC()
}

// post is a message: who wrote it, when, and what.
type post struct {
	Author string
	At     moment
	Body   string
	Edit   *edit // set when the author rewrote the post later
}

// edit is a later version of a post.
type edit struct {
	At   moment
	Body string
}

// thread is a thread with its opening post and its replies, in the order
// they were written.
type thread struct {
	Section string // the section's slug
	Title   string
	Guide   bool // a guide for newcomers, worth pinning
	Opening post
	Replies []post
}

// firstStepsGuide is Sylvie's guide, which named the two other guides only
// once they were written: before, it said they were coming.
var firstStepsGuide = strings.NewReplacer(
	"{statut}", "Nathalie prépare un guide détaillé sur le sujet ; j'ajouterai le lien ici dès qu'il sera en ligne.",
	"{tarifs}", "Aurélie m'a promis un guide sur le sujet, je le signalerai ici.",
	"{maj}", "",
).Replace(firstStepsTemplate)

var firstStepsGuideUpdated = strings.NewReplacer(
	"{statut}", "Nathalie a écrit un guide détaillé sur le sujet, dans cette même section : « Guide : choisir son statut (micro-entreprise, portage, société) ».",
	"{tarifs}", "Aurélie a écrit un guide complet, dans cette même section : « Guide : fixer ses tarifs et rédiger ses premiers devis ».",
	"{maj}", "\n\n*Mise à jour : ajout des guides de Nathalie sur les statuts et d'Aurélie sur les tarifs.*",
).Replace(firstStepsTemplate)

const firstStepsTemplate = `Bonjour à toutes et à tous,

Chaque semaine, on me demande par téléphone ou par message comment devenir télésecrétaire. Plutôt que de répéter la même chose à chacun, voici ce que je réponds d'habitude, en plus complet. Prenez le temps de le lire en entier : vous gagnerez du temps, et les membres pourront ensuite répondre à vos questions précises.

## 1. Savoir ce que recouvre le métier

« Télésecrétaire » désigne une secrétaire indépendante qui travaille à distance pour plusieurs clients. Selon les personnes, le travail ressemble à ceci :

- **l'accueil téléphonique à distance** : vous décrochez au nom du client, prenez les messages, filtrez, transférez ;
- **la gestion d'agenda** : prise de rendez-vous, rappels, annulations, liste d'attente ;
- **la frappe et la mise en forme** : courriers, comptes rendus, rapports, mémoires ;
- **la transcription** d'enregistrements audio : réunions, entretiens, dictées médicales ;
- **la gestion administrative** : devis, factures, relances, classement, suivi des dossiers.

Beaucoup d'entre nous se spécialisent : médical, juridique, transcription, bâtiment, immobilier… Une spécialité permet de mieux se présenter, et souvent de mieux se faire payer. Vous n'êtes pas obligée de choisir dès le premier jour, mais demandez-vous ce que votre parcours vous permet de proposer.

## 2. Vérifier que le métier vous convient

Le télésecrétariat a de vrais avantages (travailler de chez soi, choisir ses clients, organiser son temps), mais il faut savoir avant de se lancer que :

- **on travaille seule** : pas de collègues à la machine à café, il faut se motiver soi-même ;
- **on est cheffe d'entreprise** : la prospection, les devis, la facturation, les déclarations et les relances font partie du métier, et personne ne vous les paie ;
- **les revenus sont irréguliers au début** : comptez plusieurs mois, parfois plus d'un an, avant d'avoir une clientèle suffisante ;
- **les exigences sont élevées** : orthographe impeccable, discrétion, réactivité, calme au téléphone même quand l'interlocuteur ne l'est pas.

Le meilleur test : échanger avec des personnes qui exercent. Lisez les sujets des autres sections de ce forum, vous y verrez notre quotidien, les bons et les mauvais jours.

## 3. Se former si besoin

Aucun diplôme n'est obligatoire : le métier n'est pas réglementé. Mais les clients attendent des compétences solides, et si vous venez d'un autre domaine, une formation peut vous les apporter.

- Les titres professionnels du ministère du Travail (secrétaire assistant, secrétaire assistant médico-social, assistant de direction…) sont reconnus par les employeurs comme par les clients.
- Votre compte personnel de formation peut en financer tout ou partie : https://www.moncompteformation.gouv.fr
- Si vous êtes demandeuse d'emploi, parlez-en à votre conseiller : https://www.francetravail.fr

Méfiez-vous des formations chères qui promettent des clients « garantis » ou des revenus mirobolants.

## 4. Choisir un statut et s'immatriculer

La plupart d'entre nous commencent en micro-entreprise, mais ce n'est pas la seule possibilité : le portage salarial et la société ont chacun leurs avantages. {statut}

Les formalités de création se font en ligne, sur le guichet unique : https://formalites.entreprises.gouv.fr

Pour la micro-entreprise, le site de l'URSSAF explique tout, des déclarations aux cotisations : https://www.autoentrepreneur.urssaf.fr

## 5. S'équiper

Inutile de tout acheter d'un coup. L'indispensable :

- un ordinateur fiable et une connexion internet stable ;
- un casque-micro de bonne qualité ;
- une ligne téléphonique professionnelle, séparée de votre numéro personnel ;
- une sauvegarde automatique de vos fichiers, ailleurs que sur l'ordinateur.

Le reste (deuxième écran, pédale de transcription, logiciels spécialisés) viendra avec vos premiers clients.

## 6. Fixer ses tarifs

C'est la question qui angoisse le plus, et l'erreur la plus fréquente est de se sous-évaluer. {tarifs}

## 7. Trouver ses premiers clients

- **Votre réseau** : anciens employeurs, anciens collègues, fournisseurs, amis qui travaillent à leur compte.
- **Les petites structures sans secrétariat** : professions libérales, artisans, associations, TPE.
- **La visibilité** : une page internet simple, un profil professionnel à jour, les annuaires locaux, les rencontres d'entrepreneurs de votre ville (la CCI et la chambre de métiers en organisent souvent).

La section « Trouver des clients » regorge de retours d'expérience.

## La liste à cocher

- [ ] J'ai échangé avec au moins deux personnes qui exercent le métier
- [ ] Je sais quelles tâches je veux proposer, et à qui
- [ ] J'ai fait le point sur mes compétences (et prévu une formation si besoin)
- [ ] J'ai choisi mon statut et vérifié mes droits (chômage, ACRE)
- [ ] J'ai calculé mes tarifs à partir de ce que je veux gagner
- [ ] J'ai mon matériel de base et une ligne professionnelle
- [ ] J'ai une présentation claire de mes services (plaquette ou page internet)

## Liens utiles

- Créer et gérer sa micro-entreprise : https://www.autoentrepreneur.urssaf.fr
- Les démarches des entreprises, expliquées par l'administration : https://www.service-public.fr/professionnels-entreprises
- Le guichet unique des formalités : https://formalites.entreprises.gouv.fr
- Les fiches pratiques de Bpifrance Création : https://bpifrance-creation.fr

Si, après avoir lu ce guide, vous avez une question précise, ouvrez un sujet dans cette section en disant ce que vous avez déjà lu ou essayé : on vous répondra avec plaisir.

Sylvie{maj}`

const statusGuide = `Bonjour,

Après « comment trouver des clients ? », la question que les futures télésecrétaires posent le plus souvent est : « quel statut choisir ? ». Voici un tour d'horizon des trois grandes options, tel que je l'explique aux personnes qui me le demandent.

**Avertissement** : je suis assistante juridique de formation, pas avocate ni expert-comptable. Ce guide vous aide à poser les bonnes questions ; pour votre situation, vérifiez sur les sites officiels cités en bas de page et faites-vous accompagner si besoin (chambre de commerce, expert-comptable, conseiller France Travail). Les taux et les seuils changent régulièrement : je ne les recopie pas ici pour ne pas vous induire en erreur, ils sont à jour sur les sites officiels.

## La micro-entreprise

C'est le statut de la grande majorité des télésecrétaires qui démarrent, et pour de bonnes raisons.

**Comment ça marche**

- L'immatriculation se fait en ligne et gratuitement, sur le guichet unique : https://formalites.entreprises.gouv.fr
- Vous déclarez votre chiffre d'affaires chaque mois ou chaque trimestre sur https://www.autoentrepreneur.urssaf.fr et vous payez des cotisations sociales égales à un pourcentage de ce chiffre d'affaires.
- Pas de chiffre d'affaires, pas de cotisations : c'est très rassurant au démarrage.
- La comptabilité est réduite : un livre des recettes (et un registre des achats si vous vendez des marchandises), et des factures conformes.
- Vous pouvez opter, sous conditions de revenus, pour le versement libératoire de l'impôt sur le revenu, prélevé en même temps que les cotisations.

**Ce qu'il faut savoir**

- Depuis 2022, l'entrepreneur individuel a deux patrimoines séparés : en principe, vos biens personnels ne répondent plus des dettes professionnelles.
- Le chiffre d'affaires annuel est plafonné ; au-delà, vous passez au régime réel.
- Vous ne déduisez pas vos frais : les cotisations portent sur le chiffre d'affaires, pas sur le bénéfice. Si vous avez beaucoup de frais, le calcul devient moins intéressant.
- Tant que votre chiffre d'affaires reste sous le seuil de la franchise en base de TVA, vous facturez sans TVA, avec la mention « TVA non applicable, art. 293 B du CGI ».
- La cotisation foncière des entreprises (CFE) est due à partir de la deuxième année, même si vous travaillez chez vous.
- Un compte bancaire dédié devient obligatoire si votre chiffre d'affaires dépasse 10 000 € deux années de suite. Dans les faits, ouvrez-en un dès le début : c'est tellement plus simple.
- L'ACRE (aide à la création ou à la reprise d'une entreprise) peut alléger vos cotisations au début si vous remplissez les conditions, qui ont changé plusieurs fois : vérifiez-les sur service-public.fr.

**Pour qui ?** Pour démarrer, tester son activité, et pour celles qui ont peu de frais, ce qui est souvent notre cas.

## Le portage salarial

Vous trouvez vos clients et négociez vos missions, mais c'est une société de portage qui facture le client, puis vous verse un salaire.

**Les avantages**

- Vous êtes salariée : assurance chômage, retraite du régime général, mutuelle.
- La société de portage s'occupe de la facturation et des déclarations, et relance souvent les impayés.
- C'est une bonne façon de tester le métier sans créer d'entreprise.

**Les inconvénients**

- C'est cher : les frais de gestion de la société (souvent entre 5 et 10 % du chiffre d'affaires), puis les cotisations salariales et patronales. Il vous reste à peu près la moitié de ce que vous facturez.
- Le portage est encadré : il est prévu pour des prestations qui demandent une expertise, avec une rémunération minimale. Toutes les missions de secrétariat n'y entrent pas : posez la question à la société de portage avant de signer.

**Pour qui ?** Pour celles qui veulent rester salariées, tester avant de se lancer vraiment, ou qui ont des missions longues et bien payées.

## La société (EURL, SASU…)

Vous créez une personne morale, avec ses statuts, son capital et son compte bancaire, et vous en êtes la gérante (EURL) ou la présidente (SASU).

**Les avantages**

- Pas de plafond de chiffre d'affaires.
- Vos frais réels sont déductibles.
- Une image parfois plus rassurante pour les grands comptes et les collectivités.
- Plus de souplesse pour s'associer ou pour se rémunérer.

**Les inconvénients**

- Des formalités plus lourdes : statuts, annonce légale, comptabilité complète, comptes annuels.
- Un expert-comptable quasi indispensable, donc un coût fixe chaque mois, même sans chiffre d'affaires.
- Le choix entre EURL et SASU change votre protection sociale et vos cotisations : c'est une vraie décision, à prendre avec un professionnel.

**Pour qui ?** Plutôt pour plus tard, quand votre chiffre d'affaires approche du plafond de la micro-entreprise ou que vos frais deviennent importants.

## En résumé

| | Micro-entreprise | Portage salarial | Société |
|---|---|---|---|
| Création | gratuite, en ligne | contrat avec une société de portage | statuts, capital, annonce légale |
| Comptabilité | très simple | faite par la société de portage | complète, avec un expert-comptable |
| Cotisations | un pourcentage du chiffre d'affaires | salariales et patronales | selon le statut de la dirigeante |
| Assurance chômage | non | oui | non, en général |
| Plafond de chiffre d'affaires | oui | non | non |
| Pour qui ? | démarrer, tester | rester salariée | se développer |

## Et si vous touchez le chômage ?

Si vous êtes indemnisée par France Travail, deux options existent : continuer à percevoir chaque mois une partie de votre allocation pendant que votre activité démarre, ou demander l'ARCE, qui vous verse une partie de vos droits restants sous forme de capital. Le bon choix dépend de vos droits et de vos revenus prévus : **parlez-en à votre conseiller avant de vous immatriculer**, car l'ordre des démarches compte.

## Mes conseils

1. Ne choisissez pas un statut parce qu'une amie l'a choisi : faites le calcul avec vos chiffres.
2. Comparez ce qu'il vous resterait selon le statut avec les simulateurs officiels de l'URSSAF.
3. Commencer en micro-entreprise n'empêche rien : on peut changer de statut plus tard, quand l'activité le justifie.
4. Quel que soit le statut, gardez toutes vos factures et vos justificatifs dès le premier jour.

## Liens utiles

- Le portail officiel des micro-entrepreneurs : https://www.autoentrepreneur.urssaf.fr
- Les démarches des entreprises, expliquées par l'administration : https://www.service-public.fr/professionnels-entreprises
- Le guichet unique pour créer son entreprise : https://formalites.entreprises.gouv.fr
- Les simulateurs de l'URSSAF (revenus, cotisations, comparaison des statuts) : https://mon-entreprise.urssaf.fr
- Votre espace fiscal de professionnelle : https://www.impots.gouv.fr/professionnel

Nathalie`

const pricingGuide = `Bonjour à toutes et à tous,

« Combien dois-je facturer ? » : c'est la question que je reçois le plus souvent en message privé. Il n'y a pas de tarif unique, mais il y a une méthode. La voici, avec un exemple chiffré, puis ce que doivent contenir vos devis et vos factures.

## 1. Partir de ce que vous voulez gagner

Le piège classique : reprendre le salaire horaire de son ancien poste et le facturer tel quel. Une indépendante paie ses cotisations, ses frais et ses congés, et ne facture pas toutes ses heures de travail.

**Étape 1 : votre revenu cible.** Combien voulez-vous vous verser chaque mois, avant impôt ? Disons 2 000 €.

**Étape 2 : vos frais.** Téléphone et standard, logiciels, assurance RC pro, comptable éventuel, matériel, formation… Disons 200 € par mois.

**Étape 3 : vos cotisations.** En micro-entreprise, elles sont un pourcentage du chiffre d'affaires (le taux de votre activité est indiqué sur https://www.autoentrepreneur.urssaf.fr). Pour l'exemple, prenons 25 %. Pour garder 2 200 € après cotisations, il faut facturer 2 200 / 0,75 ≈ 2 930 € par mois, soit environ 35 200 € par an.

**Étape 4 : vos mois travaillés.** Avec cinq semaines de congés et quelques jours de maladie, comptez 11 mois : 35 200 / 11 = 3 200 € à facturer par mois travaillé.

**Étape 5 : vos heures facturables.** C'est là que tout se joue. Prospection, devis, facturation, comptabilité, formation : ce temps-là n'est payé par personne. Sur une semaine de 35 heures, comptez au mieux 20 à 25 heures facturables, soit environ 85 heures par mois.

**Résultat : 3 200 / 85 ≈ 38 € de l'heure** pour se verser 2 000 € par mois. Surprise, n'est-ce pas ?

## 2. Comparer avec le marché

Une fois votre prix plancher connu, regardez ce qui se pratique : les tarifs affichés par les consœurs de votre région et de votre spécialité, les discussions de ce forum. Le secrétariat médical et le juridique se facturent en général plus cher que la saisie simple. Si votre prix plancher est au-dessus du marché, c'est le signe qu'il faut revoir vos frais, votre organisation ou votre spécialité, **pas qu'il faut travailler à perte**.

## 3. Choisir la forme de vos tarifs

- **À l'heure** : simple et honnête pour les missions variées, mais le client ne sait pas à l'avance combien il paiera.
- **Au forfait mensuel** : idéal pour la permanence téléphonique ou la gestion d'agenda, selon un nombre d'appels ou une plage horaire. Prévoyez ce qui se passe en cas de dépassement.
- **À la tâche** : au courrier, à la page, à la facture saisie. Très lisible pour le client.
- **À la minute d'audio** pour la transcription, selon la qualité de l'enregistrement et le rendu attendu.

Vous pouvez combiner : un forfait de base, puis un tarif horaire au-delà.

## 4. Rédiger un devis

Un devis signé protège les deux parties : il fixe ce qui est prévu, et donc ce qui ne l'est pas. Le mien contient toujours :

- mon nom précédé de la mention « EI », mon adresse et mon numéro SIREN ;
- le nom et l'adresse du client ;
- la date du devis et sa durée de validité (un mois, par exemple) ;
- la description précise de chaque prestation : ce qui est inclus, les délais, le format de livraison ;
- le prix unitaire, la quantité et le total hors taxes ;
- la TVA, ou la mention « TVA non applicable, art. 293 B du CGI » si vous êtes en franchise ;
- les conditions de paiement : délai, acompte, moyen de paiement ;
- la mention « Bon pour accord », la date et la signature du client.

## 5. Demander un acompte

Pour un nouveau client ou une mission ponctuelle, je demande un acompte de 30 % à la signature du devis. Ce n'est pas de la méfiance, c'est une pratique courante, et un client qui refuse un acompte raisonnable vous renseigne sur la suite. Pour les forfaits mensuels, je facture en début de mois.

## 6. Facturer correctement

Une facture comporte notamment : un numéro unique, dans une numérotation chronologique sans trou ; la date ; vos coordonnées et celles du client ; le détail des prestations et les montants ; la date d'échéance ; le taux des pénalités de retard et, entre professionnels, l'indemnité forfaitaire de 40 € pour frais de recouvrement. La liste complète est sur https://www.service-public.fr/professionnels-entreprises (cherchez « mentions obligatoires facture »).

Entre professionnels, le délai de paiement est de 30 jours après la prestation si rien n'est convenu, et il ne peut pas dépasser 60 jours après la date de la facture (ou 45 jours fin de mois, si c'est écrit dans le contrat).

## 7. Les erreurs que j'ai faites, pour que vous ne les fassiez pas

- Brader mes prix pour « décrocher » un premier client : il est resté, au même tarif, pendant trois ans.
- Commencer sans devis signé, « parce qu'on se connaît bien ».
- Oublier de compter le temps passé à échanger avec le client par mail et au téléphone.
- Attendre quatre ans avant d'augmenter mes tarifs. Prévoyez une révision annuelle dans vos conditions générales, et annoncez-la à l'avance.

Vos questions sont les bienvenues à la suite de ce sujet. Si vous voulez un avis sur votre calcul, donnez vos chiffres : on vous aidera à le vérifier.

Aurélie`

// The opening of Nathalie's answer on VAT, before and after she corrected it.
const (
	vatAnswer = `Bonjour Karine, pas de panique, ça arrive à beaucoup d'entre nous, et c'est plutôt une bonne nouvelle !

Tant que vous restez sous le seuil majoré, vous gardez la franchise pour toute l'année en cours et même pour l'année suivante : vous avez donc largement le temps de vous organiser. Les factures déjà émises ne changent pas.`

	vatAnswerCorrected = `**Édit : je corrige mon message, merci Aurélie ! La tolérance sur l'année suivante a disparu avec la réforme de 2025.**

Bonjour Karine, pas de panique, ça arrive à beaucoup d'entre nous, et c'est plutôt une bonne nouvelle !

Si vous dépassez le seuil de base sans atteindre le seuil majoré, vous gardez la franchise jusqu'au 31 décembre et vous facturez la TVA à partir du 1er janvier suivant. Si vous dépassez le seuil majoré en cours d'année, la TVA s'applique dès l'opération qui vous le fait dépasser. Les factures déjà émises ne changent pas.

Les montants des seuils et les règles à jour sont sur https://www.impots.gouv.fr/professionnel et https://www.service-public.fr/professionnels-entreprises : vérifiez-les, ça a beaucoup bougé ces derniers temps.`
)

// threads are the demo's threads, each with its replies in the order they
// were written; Load writes them all in the order of their dates.
var threads = []thread{
	{
		Section: entreNous, Title: "Bienvenue sur Entraide : présentez-vous ici !",
		Opening: post{Author: admin, At: at(60, 9, 0), Body: `Bonjour à toutes et à tous,

Entraide est un forum fait par et pour les secrétaires indépendantes et les télésecrétaires : celles et ceux qui exercent depuis des années comme celles et ceux qui se demandent s'ils vont se lancer.

Quelques repères pour bien démarrer :

- **Se lancer** accueille les questions des futures télésecrétaires. Avant de poser la vôtre, lisez les guides écrits par les membres : ils répondent aux questions qui reviennent le plus souvent.
- **Trouver des clients**, **Juridique et statut**, **Comptabilité et tarifs** et **Outils et logiciels** rassemblent les discussions entre professionnelles.
- **Entre nous**, c'est le coin café.

Ici, personne n'est payé pour répondre : chaque réponse est du temps offert. Un merci fait toujours plaisir, et il encourage à aider la personne suivante.

Pour commencer, présentez-vous en quelques lignes dans ce sujet : votre parcours, votre spécialité (ou celle qui vous attire), votre région si vous le souhaitez.

Bonne découverte !`},
		Replies: []post{
			{Author: sylvie, At: at(59, 8, 12), Body: `Bonjour à tous ! Sylvie, secrétaire médicale indépendante depuis 12 ans, près de Lyon. Je travaille pour trois cabinets (deux généralistes et une kiné) : gestion d'agenda, accueil téléphonique à distance, courriers et comptes rendus. Avant, j'étais secrétaire dans une clinique.

Contente de voir un endroit où l'on pourra enfin renvoyer les questions qu'on me pose au téléphone plusieurs fois par semaine 😉`},
			{Author: nathalie, At: at(59, 13, 40), Body: `Bonjour, Nathalie, indépendante depuis 8 ans après quinze ans comme assistante juridique dans un cabinet d'avocats nantais. Je fais de la frappe d'actes, du suivi de dossiers et un peu de facturation pour des avocats et deux études de notaires.

Je passerai surtout dans la section juridique, mais je ne suis pas juriste : je partage mon expérience, pas des consultations !`},
			{Author: karine, At: at(58, 21, 5), Body: `Coucou ! Karine, télésecrétaire spécialisée dans la transcription : réunions, entretiens, conseils municipaux, un peu de médical. Le casque vissé sur les oreilles depuis 2017, dans les Landes.

Si vous avez des questions sur la transcription, la pédale ou les délais, je suis là.`},
			{Author: helene, At: at(57, 10, 30), Body: `Bonjour à toutes et à tous, Hélène, secrétaire indépendante « couteau suisse » depuis dix ans : accueil téléphonique, devis et factures pour des TPE.

Je fais aussi partie de l'équipe de modération : si quelque chose vous semble déplacé, signalez-le, et si vous ne savez pas où poster, demandez-moi.`},
			{Author: camille, At: at(40, 20, 45), Body: `Bonsoir, je m'appelle Camille, j'ai 38 ans et je suis aide-soignante depuis quinze ans. Mon dos ne suit plus, et je réfléchis sérieusement à une reconversion dans le secrétariat médical à distance.

Je ne connais encore rien aux statuts ni à la recherche de clients, alors je lis beaucoup en ce moment. Merci pour l'accueil !`},
			{Author: julien, At: at(33, 7, 50), Body: `Bonjour, Julien, 45 ans, ancien gestionnaire de stocks dans la logistique. Licencié économique au printemps, je suis accompagné par France Travail et j'envisage de devenir télésecrétaire.

Oui, un homme : on m'a déjà demandé si c'était possible, la réponse est oui ! J'ai l'habitude du téléphone, des tableurs et des fournisseurs pénibles 😄`},
		},
	},
	{
		Section: seLancer, Guide: true, Title: "Guide : devenir télésecrétaire, les premières étapes",
		Opening: post{Author: sylvie, At: at(58, 9, 15), Body: firstStepsGuide,
			Edit: &edit{At: at(50, 8, 30), Body: firstStepsGuideUpdated}},
		Replies: []post{
			{Author: helene, At: at(57, 11, 2), Body: `Merci Sylvie pour ce guide très complet. C'est exactement ce qu'on devrait lire avant de poser sa première question : je le mettrai en avant dès que possible.`},
			{Author: julien, At: at(33, 8, 20), Body: `Merci beaucoup, c'est très clair ! La liste à cocher m'a fait voir que j'avais sauté l'étape « vérifier que le métier me convient ». Je vais contacter deux télésecrétaires de ma région… par message d'abord, promis 🙂`},
		},
	},
	{
		Section: seLancer, Guide: true, Title: "Guide : choisir son statut (micro-entreprise, portage, société)",
		Opening: post{Author: nathalie, At: at(55, 14, 0), Body: statusGuide},
		Replies: []post{
			{Author: aurelie, At: at(54, 9, 30), Body: `Merci Nathalie. Je complète avec mon expérience : j'ai commencé en portage salarial pendant un an, le temps de savoir si le métier me plaisait et si j'arrivais à trouver des clients. Les frais de gestion étaient de 8 %, et le net était franchement décevant par rapport à ce que je facturais.

Mais ça m'a permis de démarrer sans me soucier de l'administratif. Je suis passée en micro-entreprise dès que j'ai eu trois clients réguliers, et je ne le regrette pas.`},
			{Author: camille, At: at(39, 21, 10), Body: `Bonsoir Nathalie, merci pour ce guide. Une question : je serai indemnisée par France Travail après ma rupture conventionnelle. Vous parlez de l'allocation versée chaque mois et de l'ARCE : est-ce qu'on peut changer d'avis après avoir choisi ?`},
			{Author: nathalie, At: at(38, 12, 45), Body: `Bonjour Camille, de ce que je sais, le choix se fait au moment de la demande et on ne revient pas simplement en arrière : l'ARCE est versée en deux fois et remplace les allocations mensuelles.

C'est vraiment la question à poser à votre conseillère avant de vous immatriculer, avec vos chiffres sous les yeux. La page de service-public.fr sur la création d'entreprise par un demandeur d'emploi est un bon point de départ pour préparer le rendez-vous.`},
			{Author: camille, At: at(38, 19, 5), Body: `Merci beaucoup, j'ai rendez-vous avec ma conseillère la semaine prochaine, je lui poserai la question.`},
		},
	},
	{
		Section: seLancer, Guide: true, Title: "Guide : fixer ses tarifs et rédiger ses premiers devis",
		Opening: post{Author: aurelie, At: at(52, 10, 20), Body: pricingGuide},
		Replies: []post{
			{Author: karine, At: at(52, 18, 40), Body: `Merci Aurélie ! J'ajoute le cas de la transcription, que je facture à la minute d'audio plutôt qu'à l'heure.

Pour un enregistrement correct, comptez 4 à 6 fois sa durée en temps de travail, et davantage s'il y a plusieurs intervenants, des accents ou un mauvais son. Mes tarifs vont du simple au double selon la qualité : je demande toujours un extrait avant de chiffrer. Et le verbatim intégral, avec les hésitations, se facture plus cher qu'une transcription « nettoyée ».`},
			{Author: julien, At: at(31, 9, 0), Body: `Le calcul en partant du revenu voulu m'a fait l'effet d'une douche froide, mais au moins je sais d'où sort le chiffre. Merci !`},
			{Author: camille, At: at(29, 20, 40), Body: `J'ai refait le calcul avec mes chiffres : 34 € de l'heure. Ça me semblait énorme au début, mais maintenant je comprends pourquoi. Merci pour la méthode, c'est très clair.`},
		},
	},
	{
		Section: compta, Title: "Relances d'impayés : comment vous y prenez-vous ?",
		Opening: post{Author: aurelie, At: at(50, 19, 30), Body: `Bonsoir,

J'ai un client artisan, un plombier, qui me doit trois factures, soit un peu plus de 600 €. Il est adorable au téléphone, me dit chaque fois « je vous fais le virement ce soir », et rien ne vient. Je n'ose pas trop insister, car c'est lui qui m'a recommandée à deux autres clients…

Comment faites-vous vos relances ? Vous avez un modèle de mail, un calendrier ? À partir de quand passez-vous à la mise en demeure ?`},
		Replies: []post{
			{Author: sylvie, At: at(50, 21, 5), Body: `Bonsoir Aurélie, chez moi c'est très cadré, justement pour ne pas avoir à « oser » :

1. **Le lendemain de l'échéance** : un mail courtois, avec la facture en pièce jointe.
2. **Une semaine après** : un deuxième mail, plus un appel.
3. **Deux semaines après** : une relance écrite qui rappelle les pénalités de retard.
4. **Un mois après** : la mise en demeure par lettre recommandée.

Et surtout, je suspends le travail à partir de la deuxième relance. C'est écrit dans mes conditions générales, donc ce n'est pas personnel : c'est la règle pour tout le monde.`},
			{Author: nathalie, At: at(49, 12, 20), Body: `Je complète côté juridique. Entre professionnels, les pénalités de retard et l'indemnité forfaitaire de 40 € pour frais de recouvrement sont dues dès le lendemain de l'échéance, et elles doivent figurer sur vos factures (c'est obligatoire). Vous n'êtes pas obligée de les réclamer, mais les mentionner dans la relance fait souvent bouger les choses.

Si la mise en demeure ne suffit pas, il reste l'injonction de payer, une procédure simple qui se fait sans avocat. Les étapes sont expliquées sur https://www.service-public.fr (cherchez « injonction de payer »).`},
			{Author: karine, At: at(49, 18, 0), Body: `Même histoire avec une association il y a deux ans. Depuis, je demande 30 % d'acompte aux nouveaux clients, et pour les petits montants je ne livre qu'après paiement. Ça filtre tout de suite les mauvais payeurs.`},
			{Author: aurelie, At: at(48, 8, 45), Body: `Merci à toutes les trois ! J'ai envoyé ce matin une relance écrite avec le récapitulatif des trois factures et la mention des pénalités. Il m'a appelée dans l'heure pour s'excuser, et le virement est parti.

Je vais reprendre le calendrier de Sylvie dans mes conditions générales.`},
		},
	},
	{
		Section: outils, Title: "Logiciel de standard téléphonique : vos retours ?",
		Opening: post{Author: helene, At: at(47, 14, 15), Body: `Bonjour,

Je gère l'accueil téléphonique de quatre TPE et je jongle aujourd'hui entre deux lignes mobiles et le renvoi d'appel de l'opérateur, ce qui n'est plus tenable. Je cherche un standard virtuel qui permette :

- un numéro par client, pour décrocher en annonçant le bon nom d'entreprise ;
- des horaires d'ouverture différents selon le client ;
- un message d'accueil et une messagerie par numéro ;
- de décrocher depuis l'ordinateur, avec un casque.

Qu'utilisez-vous, et combien ça vous coûte par mois ? Vos retours sur la qualité des appels m'intéressent aussi.`},
		Replies: []post{
			{Author: sylvie, At: at(47, 19, 30), Body: `J'utilise un standard en ligne depuis quatre ans, avec une application sur l'ordinateur et sur le téléphone. Le point clé pour moi : le nom du client appelé s'affiche quand ça sonne. Avec trois cabinets, je ne peux pas me tromper de formule d'accueil.

Côté prix, les offres que j'ai comparées tournaient entre 15 et 30 € par mois et par numéro, selon les options. Faites l'essai gratuit avec votre vraie connexion : la qualité dépend beaucoup de votre box.`},
			{Author: karine, At: at(46, 9, 10), Body: `Je ne suis pas une grande utilisatrice de standard, mais un conseil matériel : prenez un casque filaire USB avec un micro antibruit. J'ai essayé le Bluetooth et j'ai eu des coupures en pleine conversation.`},
			{Author: aurelie, At: at(46, 13, 0), Body: `Attention aux contrats avec engagement sur 24 ou 36 mois : certains commerciaux sont très insistants. Prenez une offre sans engagement au début, quitte à payer un peu plus. Et vérifiez que vous pourrez garder vos numéros si vous changez de fournisseur.`},
			{Author: helene, At: at(45, 17, 20), Body: `Merci pour vos retours ! Je suis partie sur une offre sans engagement, avec un numéro par client ; l'application de bureau affiche bien le nom du client appelé. Premier essai concluant avec un casque USB, on verra sur la durée.`},
		},
	},
	{
		Section: juridique, Title: "RC pro : quelle assurance avez-vous prise ?",
		Opening: post{Author: karine, At: at(45, 11, 30), Body: `Bonjour,

Un nouveau client, une communauté de communes, me demande une attestation de responsabilité civile professionnelle avant de signer. Je n'en ai jamais eu, je pensais que ce n'était pas obligatoire pour notre métier.

Est-ce vraiment obligatoire ? Quelles garanties prendre, et pour quel prix à peu près ? Je transcris parfois des documents confidentiels : est-ce que ça change quelque chose ?`},
		Replies: []post{
			{Author: nathalie, At: at(45, 14, 50), Body: `Bonjour Karine, pour le secrétariat, la RC pro n'est pas imposée par la loi, contrairement à certaines professions réglementées. Mais un client peut tout à fait l'exiger par contrat, et c'est de plus en plus fréquent avec les collectivités.

Elle couvre les dommages que vous causez à un client dans votre travail : un rendez-vous oublié, un document perdu, une erreur dans un acte qui lui cause un préjudice. Points à regarder :

- le montant des garanties et la franchise ;
- la couverture des données (perte, fuite, piratage), souvent une option « cyber » à part ;
- la description exacte de votre activité sur l'attestation.

Les banques, les assureurs traditionnels et les assureurs en ligne pour indépendants proposent tous ce type de contrat.`},
			{Author: sylvie, At: at(44, 8, 5), Body: `Dans le médical, je la considère comme indispensable : une erreur d'agenda peut avoir des conséquences pour un patient. Je paie environ 200 € par an, option protection des données comprise.`},
			{Author: aurelie, At: at(44, 12, 30), Body: `De mon côté, un peu moins de 150 € par an, chez l'assureur de ma voiture qui m'a fait une offre groupée. Comparez, les écarts sont énormes pour des garanties proches.`},
			{Author: karine, At: at(43, 18, 40), Body: `Merci, c'est très clair. J'ai demandé trois devis en précisant que je transcris des documents confidentiels, et je prendrai l'option cyber.`},
		},
	},
	{
		Section: compta, Title: "Franchise en base de TVA : je vais dépasser le seuil, que se passe-t-il ?",
		Opening: post{Author: karine, At: at(42, 9, 45), Body: `Bonjour,

Bonne nouvelle et petite panique : avec deux nouveaux contrats de transcription, je vais dépasser cette année le seuil de la franchise en base de TVA. Je suis en micro-entreprise et je facture avec la mention « TVA non applicable, art. 293 B du CGI ».

Concrètement, à partir de quand dois-je facturer la TVA ? Et pour les factures déjà envoyées ? Je n'ai jamais fait de déclaration de TVA de ma vie…`},
		Replies: []post{
			{Author: nathalie, At: at(42, 12, 30), Body: vatAnswer, Edit: &edit{At: at(42, 19, 10), Body: vatAnswerCorrected}},
			{Author: aurelie, At: at(42, 16, 55), Body: `> @nathalie-juridique
>
> Tant que vous restez sous le seuil majoré, vous gardez la franchise pour toute l'année en cours et même pour l'année suivante

Attention, il me semble que ça a changé en 2025 : ma comptable m'a expliqué que la tolérance sur deux ans n'existe plus. Si on dépasse le seuil de base sans atteindre le seuil majoré, on facture la TVA dès le 1er janvier suivant. À vérifier, mais je préfère le signaler.`},
			{Author: nathalie, At: at(42, 19, 15), Body: `Vous avez raison Aurélie, je me suis fiée à de vieux souvenirs. J'ai corrigé mon message plus haut, pour ne pas induire en erreur celles qui le liront plus tard.`},
			{Author: karine, At: at(41, 10, 0), Body: `Merci à vous deux ! J'ai pris rendez-vous avec un expert-comptable pour préparer le passage à la TVA : l'espace professionnel sur impots.gouv.fr, le régime de déclaration, et un mot à mes clients pour les prévenir que mes prix s'entendront hors taxes à partir de janvier.`},
		},
	},
	{
		Section: seLancer, Title: "Comment trouver mes premiers clients ?",
		Opening: post{Author: camille, At: at(39, 20, 30), Body: `Bonsoir,

J'ai lu le guide de Sylvie sur les premières étapes et celui de Nathalie sur les statuts, merci à elles. Je compte m'immatriculer en micro-entreprise d'ici deux mois pour faire du secrétariat médical à distance.

Ce qui me bloque, c'est la recherche de clients : je n'ai aucun réseau dans le secrétariat, à part les infirmières avec qui je travaille. Faut-il démarcher les cabinets par téléphone ? Par courrier ? Passer par des plateformes ? J'ai peur de me faire claquer la porte au nez.`},
		Replies: []post{
			{Author: sylvie, At: at(39, 22, 0), Body: `Bonsoir Camille, ton réseau est plus riche que tu ne le crois ! Quinze ans d'aide-soignante, ce sont des infirmières libérales, des médecins, des kinés qui te connaissent et savent que tu es fiable. Ce qui a marché pour moi :

1. **Le bouche-à-oreille d'abord.** Annonce ton projet à tout ton entourage professionnel, avec une phrase simple : « je gère à distance l'agenda et le téléphone des cabinets qui n'ont pas de secrétaire ».
2. **Les cabinets qui ouvrent ou s'agrandissent** : un jeune médecin qui s'installe n'a pas encore de secrétariat et n'a pas le temps d'en recruter un.
3. **Passer en personne**, avec une plaquette d'une page, en dehors des heures de consultation. Le téléphone marche mal : les cabinets sont submergés d'appels, c'est justement leur problème.
4. **Proposer un essai court**, un mois par exemple, avec un bilan à la fin.
5. **Une page internet simple** : tes services, ta zone, tes horaires, un moyen de te contacter.

Les premiers clients sont les plus durs à trouver. Après trois ou quatre, le bouche-à-oreille prend souvent le relais.`},
			{Author: aurelie, At: at(38, 9, 15), Body: `J'ajoute une piste : les artisans et les petites entreprises du bâtiment cherchent énormément d'aide pour leurs devis, leurs factures et leurs relances. Ce n'est pas du médical, mais ça peut être une première source de revenus pendant que tu constitues ta clientèle.`},
			{Author: helene, At: at(38, 14, 0), Body: `Bonjour Camille, quand ta plaquette ou ta page sera prête, n'hésite pas à ouvrir un sujet pour la présenter : les membres te feront des retours. La section Trouver des clients regorge aussi d'expériences.`},
			{Author: camille, At: at(37, 20, 10), Body: `> @sylvie-secretariat
>
> un jeune médecin qui s'installe n'a pas encore de secrétariat et n'a pas le temps d'en recruter un

Je n'y avais pas du tout pensé, alors que deux médecins viennent justement d'ouvrir une maison de santé à côté de chez moi !

Merci beaucoup à toutes les trois, c'est très clair. Je prépare ma plaquette ce week-end.`},
			{Author: camille, At: at(3, 19, 20), Body: `Des nouvelles, pour celles et ceux qui liront ce sujet plus tard : je suis passée à la maison de santé avec ma plaquette, comme Sylvie le conseillait. Ils m'ont proposé un essai d'un mois à partir de janvier, pour l'agenda et les appels de deux médecins ! Je m'immatricule la semaine prochaine.

Merci encore à toutes.`},
		},
	},
	{
		Section: outils, Title: "Secrétariat médical et agenda en ligne : comment vous organisez-vous ?",
		Opening: post{Author: sylvie, At: at(36, 13, 10), Body: `Bonjour à toutes,

Un de mes cabinets veut passer à la prise de rendez-vous en ligne. Aujourd'hui, je gère son agenda dans le logiciel du médecin, en accès à distance ; demain, les patients réserveront seuls une partie des créneaux.

Pour celles qui travaillent déjà comme ça :

- gardez-vous des créneaux réservés au téléphone (urgences du jour, patients âgés) ?
- qui gère les annulations et la liste d'attente ?
- votre forfait a-t-il baissé, le médecin estimant que vous aviez moins d'appels ?`},
		Replies: []post{
			{Author: helene, At: at(36, 17, 45), Body: `Je ne fais pas de médical, mais j'ai vécu la même chose avec un ostéopathe. Au final : moins d'appels pour prendre rendez-vous, mais plus de demandes compliquées (reports, renseignements, patients perdus dans l'outil). Mon forfait n'a pas bougé, j'ai fait valoir que je gérais aussi les rappels des rendez-vous non honorés.`},
			{Author: nathalie, At: at(35, 10, 20), Body: `Un point à ne pas oublier : les rendez-vous médicaux sont des données de santé. L'outil doit être hébergé chez un hébergeur certifié HDS (hébergeur de données de santé) ; c'est le cas des grandes solutions du marché, mais vérifiez-le pour les plus petites.

Et de votre côté : un accès personnel (jamais le compte du médecin), la double authentification, et pas d'export de l'agenda sur votre ordinateur. La CNIL a des fiches claires sur le sujet : https://www.cnil.fr`},
			{Author: sylvie, At: at(34, 9, 30), Body: `Merci à vous deux. Nous partons sur 60 % des créneaux en ligne et 40 % réservés au téléphone et aux urgences du jour, et je garde la liste d'attente. J'ai un accès nominatif avec double authentification. Je vous dirai dans quelques semaines si ça tient.`},
			{Author: sylvie, At: at(5, 10, 0), Body: `Petit retour après un mois, comme promis : la répartition tient bien. Les patients âgés continuent d'appeler, et c'est très bien ainsi. Le médecin est ravi d'être moins dérangé pendant ses consultations, et mon forfait n'a pas changé.

Seul bémol : un peu plus de rendez-vous non honorés. Nous testons un rappel par SMS la veille.`},
		},
	},
	{
		Section: clients, Title: "Prospecter les cabinets médicaux : mon retour d'expérience",
		Opening: post{Author: sylvie, At: at(34, 18, 20), Body: `Bonsoir,

On me demande souvent comment j'ai trouvé mes cabinets. Voici ce que j'ai appris en douze ans, erreurs comprises.

**Ce qui n'a jamais marché pour moi**

- les mails envoyés en nombre aux adresses trouvées dans les annuaires : zéro réponse ;
- les appels pendant les consultations : on me raccrochait poliment, et on avait bien raison.

**Ce qui marche**

- passer déposer une plaquette en fin de matinée, quand la salle d'attente se vide ;
- les remplaçants : ils voient plusieurs cabinets et parlent de vous ;
- les pharmaciens et les infirmières libérales, qui connaissent tous les cabinets du secteur ;
- les maisons de santé : un seul contrat peut couvrir plusieurs praticiens.

**Mon argument principal** n'est pas le prix. C'est qu'aucun appel ne reste sans réponse, et que le médecin consulte sans être interrompu. Je ne parle du tarif qu'au deuxième rendez-vous, avec un devis précis.`},
		Replies: []post{
			{Author: camille, At: at(33, 21, 0), Body: `Merci Sylvie pour ce retour, je note tout. La maison de santé dont je parlais dans mon sujet a justement un accueil débordé : j'y passerai avec ma plaquette.`},
			{Author: aurelie, At: at(32, 12, 40), Body: `Même constat chez les artisans : les mails en nombre ne servent à rien, le passage en personne et la recommandation font tout. Le négociant en matériaux du coin est mon meilleur apporteur d'affaires : il me recommande à tous ses clients débordés par la paperasse.`},
		},
	},
	{
		Section: seLancer, Title: "Faut-il une formation pour devenir télésecrétaire ?",
		Opening: post{Author: julien, At: at(32, 19, 0), Body: `Bonjour,

Comme je le disais dans ma présentation, je suis en reconversion après un licenciement économique, accompagné par France Travail. Ma conseillère propose de financer une formation, mais je ne sais pas laquelle choisir, ni si c'est vraiment utile : je gère des fournisseurs, des commandes et des tableaux de suivi depuis vingt ans.

Une formation est-elle obligatoire pour exercer ? Les clients demandent-ils un diplôme ? Si oui, lequel ? J'ai lu dans le guide des premières étapes que ce n'est pas obligatoire, mais j'aimerais avoir vos avis concrets.`},
		Replies: []post{
			{Author: helene, At: at(32, 20, 30), Body: `Bonsoir Julien, et merci d'avoir lu le guide avant de poser la question, c'est appréciable !

Pour compléter : aucune formation n'est obligatoire, le métier n'est pas réglementé. Mais une formation peut vous apporter ce qui vous manque : les normes de présentation des courriers, l'orthographe professionnelle, les logiciels, et parfois un stage qui débouche sur un premier client.`},
			{Author: sylvie, At: at(31, 8, 40), Body: `Pour le médical, c'est différent : les médecins demandent souvent une formation de secrétaire médicale (vocabulaire, secret médical, gestion des urgences au téléphone). Mais pour du secrétariat général, votre expérience en logistique est un vrai atout : mettez-la en avant plutôt que de la cacher derrière un nouveau diplôme.`},
			{Author: nathalie, At: at(31, 12, 15), Body: `Si vous suivez une formation, préférez une formation certifiante, par exemple le titre professionnel de secrétaire assistant : elle est finançable par le CPF et reconnue. Vous pouvez chercher les formations sur https://www.moncompteformation.gouv.fr et lire les fiches des titres sur https://www.francecompetences.fr

Et méfiez-vous des organismes qui promettent des clients à la sortie.`},
			{Author: julien, At: at(30, 18, 25), Body: `Merci beaucoup, c'est très clair ! Je vais viser un titre professionnel, plutôt axé sur la bureautique et la rédaction, et mettre en avant mon expérience de gestion pour le reste. Je vous tiens au courant.`},
			{Author: julien, At: at(2, 18, 0), Body: `Petit retour comme promis : je suis inscrit au titre professionnel de secrétaire assistant, dans un parcours raccourci pour les personnes qui ont déjà de l'expérience, financé par France Travail et mon CPF. Début en janvier.

En attendant, je travaille ma frappe et je prépare ma plaquette. Merci encore à toutes et à tous pour vos conseils.`},
		},
	},
	{
		Section: outils, Title: "Transcription de réunions : par où commencer ?",
		Opening: post{Author: aurelie, At: at(28, 14, 5), Body: `Bonjour,

Un de mes clients, une fédération d'artisans, me demande de transcrire les enregistrements de ses conseils d'administration : environ deux heures par mois, avec huit à dix participants. Je n'en ai jamais fait.

Quel matériel faut-il ? Un logiciel de reconnaissance vocale peut-il faire le gros du travail ? Et combien de temps prévoir ? Je ne veux pas accepter puis y passer mes nuits.`},
		Replies: []post{
			{Author: karine, At: at(28, 17, 30), Body: `Bonjour Aurélie, tu as bien raison de te poser la question avant ! Quelques repères, après des centaines d'heures de réunions :

### Le temps

- Une heure de réunion avec un bon son et peu d'intervenants : compte 4 à 5 heures de travail.
- Avec dix participants qui se coupent la parole : 6 à 8 heures, parfois plus.
- Deux heures par mois, c'est donc une grosse journée et demie de travail. À chiffrer en conséquence !

### Le matériel

- un casque fermé de bonne qualité, pour ne pas fatiguer tes oreilles ;
- une pédale de transcription (lecture, retour en arrière, avance rapide au pied) : c'est elle qui fait gagner le plus de temps ;
- un logiciel de lecture compatible avec la pédale, qui ralentit l'audio sans le déformer.

### La reconnaissance vocale

Elle a fait d'énormes progrès et je m'en sers comme premier jet sur les bons enregistrements. Mais sur une réunion à dix, il faut attribuer chaque prise de parole, corriger les noms propres, les sigles et les chiffres : la relecture reste longue.

Attention aussi à la confidentialité : un conseil d'administration envoyé sur un service en ligne gratuit, c'est non. Vérifie où les données sont traitées et ce que ton contrat avec le client autorise.

### À demander au client

- la liste des participants et l'ordre du jour ;
- le rendu attendu : verbatim intégral, propos « nettoyés » ou compte rendu synthétique, ce ne sont pas du tout les mêmes prix ;
- un micro de conférence au centre de la table si c'est possible : ça change la vie.`},
			{Author: nathalie, At: at(27, 9, 50), Body: `Pense aussi à une clause de confidentialité dans ton devis ou ton contrat, et précise combien de temps tu gardes les fichiers audio avant de les supprimer. Les conseils d'administration parlent souvent de personnes, et pas toujours en bien.`},
			{Author: aurelie, At: at(27, 20, 0), Body: `Merci Karine et Nathalie, c'est précieux. Je vais demander un extrait de dix minutes pour faire un essai chronométré avant de chiffrer, et proposer un compte rendu synthétique plutôt qu'un verbatim.`},
		},
	},
	{
		Section: entreNous, Title: "S'organiser avec des enfants à la maison : vos astuces ?",
		Opening: post{Author: aurelie, At: at(25, 21, 30), Body: `Bonsoir, un sujet plus personnel.

J'ai deux enfants de 4 et 7 ans et je travaille depuis la maison. Pendant l'école, tout va bien. Mais les mercredis et les vacances scolaires, c'est la course : les appels clients quand le petit réclame son goûter, les transcriptions à 23 h…

Comment faites-vous ? Des horaires fixes ? Une garde même en travaillant à la maison ? J'ai parfois l'impression de tout faire à moitié.`},
		Replies: []post{
			{Author: sylvie, At: at(25, 22, 15), Body: `Oh que je connais ça ! Mes deux grands sont au collège maintenant, mais pendant des années j'ai fonctionné ainsi : le mercredi matin au centre de loisirs, le mercredi après-midi réservé aux tâches sans téléphone, et une messagerie qui annonce clairement que je rappelle dans l'heure.

Les clients s'y font très bien, du moment que c'est annoncé et tenu.`},
			{Author: karine, At: at(24, 8, 30), Body: `Je n'ai pas d'enfants, mais un conseil de transcriptrice : ne garde pas les tâches qui demandent de la concentration pour le soir. J'ai essayé, la qualité baisse, et les erreurs se paient ensuite en temps de relecture. Mieux vaut annoncer des délais un peu plus longs pendant les vacances.`},
			{Author: camille, At: at(24, 12, 0), Body: `Merci pour ce sujet, c'est une de mes grandes questions avant de me lancer (j'ai une fille de 9 ans). Ça me rassure de voir que c'est possible avec un peu d'organisation.`},
			{Author: helene, At: at(23, 19, 45), Body: `Pendant les vacances, je bloque dans mon agenda des demi-journées « fermées », que j'annonce à mes clients un mois à l'avance. Et je me suis arrangée avec une consœur : l'été, on se remplace mutuellement une semaine chacune. On n'est pas obligées de tout porter seules !`},
			{Author: aurelie, At: at(23, 21, 10), Body: `Merci à toutes, ça fait du bien de lire que je ne suis pas la seule. Je teste la messagerie « je rappelle dans l'heure » dès mercredi prochain, et l'idée du remplacement entre consœurs me plaît beaucoup.`},
		},
	},
	{
		Section: seLancer, Title: "Quel matériel pour commencer ?",
		Opening: post{Author: julien, At: at(21, 9, 40), Body: `Bonjour,

Je commence ma formation dans quelques semaines et je prépare mon installation. J'ai un ordinateur portable de cinq ans et mon téléphone personnel.

Qu'est-ce qui est indispensable dès le départ, et qu'est-ce qui peut attendre ? Mon budget est limité, je préfère investir au bon endroit.`},
		Replies: []post{
			{Author: karine, At: at(21, 12, 20), Body: `Bonjour Julien ! Par ordre de priorité, pour moi :

1. **Un bon casque-micro filaire**, avec un micro antibruit : c'est ce que vos clients entendent de vous.
2. **Une connexion internet fiable**, avec une solution de secours (le partage de connexion du téléphone).
3. **Une ligne professionnelle séparée** de votre numéro personnel, même un simple numéro virtuel. Sinon, on vous appellera le dimanche.
4. **Une sauvegarde automatique** de vos fichiers, ailleurs que sur l'ordinateur.

Un ordinateur de cinq ans suffit très bien pour commencer, surtout si vous lui ajoutez un disque SSD.`},
			{Author: sylvie, At: at(21, 18, 5), Body: `J'ajoute un deuxième écran : on en trouve d'occasion pour pas cher, et c'est un vrai gain de temps pour recopier ou comparer des documents. Et une bonne chaise ! On passe ses journées assis : votre dos vous en remerciera dans dix ans.`},
			{Author: aurelie, At: at(20, 10, 30), Body: `Ce qui peut attendre : la pédale de transcription (seulement si vous en faites), les logiciels payants (commencez avec la suite bureautique que vous avez, ou une suite gratuite) et le site internet élaboré : une page simple suffit.`},
			{Author: julien, At: at(20, 19, 0), Body: `Merci beaucoup à vous trois, je fais ma liste : casque, SSD, numéro virtuel, sauvegarde. L'écran d'occasion viendra avec la première facture !`},
		},
	},
	{
		Section: clients, Title: "Plateformes de mise en relation : votre avis ?",
		Opening: post{Author: karine, At: at(18, 10, 15), Body: `Bonjour,

Je vois passer de plus en plus de publicités pour des plateformes qui mettent en relation indépendants et clients, avec une commission sur chaque mission. J'en ai essayé une l'an dernier : beaucoup de demandes, mais une course au prix le plus bas, et des clients qui voulaient la transcription d'une heure d'audio pour 20 €.

Avez-vous eu de meilleures expériences ? Certaines plateformes sont-elles spécialisées dans le secrétariat ?`},
		Replies: []post{
			{Author: sylvie, At: at(18, 13, 30), Body: `Je n'en ai jamais eu besoin dans le médical, tout s'est fait par recommandation. Mais des consœurs y ont trouvé leurs premiers clients, à condition de ne pas s'aligner sur les prix les plus bas et de viser des missions récurrentes.`},
			{Author: aurelie, At: at(17, 9, 0), Body: `Ma seule bonne expérience : une mission ponctuelle, trouvée sur une plateforme, qui est devenue un client régulier en direct une fois la mission terminée. Lisez bien les conditions de la plateforme : certaines interdisent de travailler en direct avec le client pendant un certain temps.`},
			{Author: camille, At: at(16, 20, 30), Body: `Question de débutante : est-ce que ça vaut le coup pour se faire la main quand on n'a encore aucune référence ? Ou est-ce que ça donne de mauvaises habitudes de prix ?`},
			{Author: karine, At: at(16, 21, 15), Body: `Pour décrocher tes premières références, pourquoi pas, mais fixe-toi un prix plancher avant de regarder les offres, et tiens-t'y. Et demande à chaque client satisfait s'il accepte d'être cité en référence : c'est ça qui a de la valeur ensuite.`},
		},
	},
	{
		Section: juridique, Title: "Secret médical et RGPD : que mettre dans nos contrats ?",
		Opening: post{Author: sylvie, At: at(14, 11, 0), Body: `Bonjour,

Un nouveau cabinet me demande de signer un « accord de sous-traitance RGPD » en plus de mon contrat de prestation. Je n'en ai jamais signé avec mes autres clients.

Est-ce normal ? Que doit-il contenir ? Et dois-je en proposer un à mes clients actuels ?`},
		Replies: []post{
			{Author: nathalie, At: at(14, 15, 40), Body: `Bonjour Sylvie, c'est normal, et c'est même votre client qui est en règle !

Quand vous traitez des données personnelles pour le compte d'un client (agenda, dossiers, courriers), vous êtes son **sous-traitant** au sens du RGPD, et le règlement impose un contrat entre vous (son article 28). Ce contrat précise en général :

- l'objet et la durée du traitement, les données et les personnes concernées ;
- que vous n'agissez que sur les instructions du client ;
- votre engagement de confidentialité (en plus du secret médical, auquel vous êtes tenue comme toute personne qui assiste un médecin) ;
- les mesures de sécurité : accès protégés, chiffrement, sauvegardes ;
- ce que vous faites en cas de fuite de données : prévenir le client sans délai ;
- le sort des données à la fin du contrat : restitution ou suppression.

Et oui, je vous conseille d'en proposer un à vos clients actuels : c'est rassurant pour eux comme pour vous. La CNIL publie un guide du sous-traitant, avec des exemples de clauses : https://www.cnil.fr`},
			{Author: helene, At: at(13, 9, 30), Body: `Merci Nathalie, j'apprends quelque chose : je n'ai jamais signé ce type d'accord avec mes clients, alors que je gère leurs fichiers de contacts. Je m'y mets.`},
			{Author: sylvie, At: at(13, 17, 0), Body: `Merci beaucoup, c'est très clair ! J'ai relu l'accord proposé avec votre liste à côté : tout y est. Je vais m'en inspirer pour mes autres cabinets.`},
		},
	},
	{
		Section: entreNous, Title: "Les appels à 21 h pour « juste une petite question »",
		Opening: post{Author: sylvie, At: at(10, 21, 40), Body: `Petit coup de gueule du soir, sans méchanceté.

Ce soir, troisième appel de la semaine d'une personne que je ne connais pas, qui a trouvé mon numéro sur mon site : « Bonjour, je veux devenir télésecrétaire, vous pouvez m'expliquer comment on fait ? ». À 21 h, pendant que je relisais des comptes rendus.

J'aime aider, vraiment : c'est pour ça que j'ai écrit le guide de la section Se lancer. Mais une heure au téléphone avec chaque personne, ce n'est pas possible, et la plupart ne rappellent jamais, ni pour dire merci ni pour dire ce qu'elles ont fait ensuite.

Comment gérez-vous ces demandes ? Vous répondez, vous renvoyez vers un forum, vous ne décrochez plus ?`},
		Replies: []post{
			{Author: karine, At: at(10, 22, 5), Body: `Je ne décroche plus aux numéros inconnus après 18 h : ma messagerie dit que je rappelle le lendemain matin. Les vrais clients laissent un message, les autres non.`},
			{Author: helene, At: at(9, 8, 30), Body: `C'est exactement pour ça qu'Entraide existe ! Je me suis fait une réponse type, que je partage volontiers :

*Bonjour, merci de votre message. Je ne peux pas répondre à chacun par téléphone, mais la communauté Entraide a écrit des guides pour les personnes qui veulent se lancer, et vous pouvez y poser vos questions. Bonne route dans votre projet !*

Avec le lien vers la section Se lancer. La plupart des gens le prennent très bien.`},
			{Author: aurelie, At: at(9, 12, 10), Body: `Merci Hélène, je te pique ta réponse type ! De mon côté, j'ai retiré mon numéro de mon site : il ne reste qu'un formulaire de contact et un lien pour demander un rendez-vous téléphonique. Les clients sérieux ne s'en plaignent pas.`},
			{Author: nathalie, At: at(8, 18, 0), Body: `Et quand quelqu'un revient vers moi après avoir lu les guides, avec une question précise, je réponds avec plaisir, souvent en dix minutes. Toute la différence est entre « expliquez-moi tout » et « j'ai lu ceci, mais je bloque sur ce point ».`},
			{Author: sylvie, At: at(8, 20, 30), Body: `Merci à toutes, je me sens moins seule avec mon agacement 🙂 Réponse type adoptée, messagerie modifiée.`},
		},
	},
	{
		// Closed by the demo as a duplicate of Camille's question
		// (moderation.go): the same question, asked again a month later.
		Section: seLancer, Title: DuplicateTitle,
		Opening: post{Author: julien, At: at(6, 19, 40), Body: `Bonsoir,

Je termine ma formation de secrétaire à distance et je voudrais m'installer le mois prochain. Je n'ai aucun réseau dans le secteur : comment avez-vous trouvé vos tout premiers clients ? Démarchage téléphonique, plateformes, autre chose ?`},
	},
}
