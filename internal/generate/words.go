package generate

// The vocabulary of the generated forum: a community of independent
// secretaries talking about clients, rates, status, tools and daily life.
// Every list was written for the generator; slots are filled by
// sentence.fill, each entry reading naturally wherever its slot appears.

var firstNames = []string{
	"Claire", "Sophie", "Nathalie", "Isabelle", "Sandrine", "Valérie", "Céline", "Stéphanie",
	"Aurélie", "Émilie", "Julie", "Camille", "Laure", "Hélène", "Martine", "Christine",
	"Sylvie", "Catherine", "Véronique", "Patricia", "Karine", "Virginie", "Delphine", "Agnès",
	"Florence", "Corinne", "Mélanie", "Audrey", "Élodie", "Marion", "Pauline", "Léa",
	"Chloé", "Manon", "Inès", "Océane", "Anaïs", "Amandine", "Justine", "Gaëlle",
	"Maëlle", "Noémie", "Solène", "Morgane", "Fanny", "Charlotte", "Lucie", "Anne",
	"Marie", "Brigitte", "Françoise", "Josiane", "Dominique", "Annick", "Muriel", "Béatrice",
	"Fabienne", "Nadia", "Samia", "Leïla", "Yasmina", "Fatou", "Aïcha", "Mireille",
	"Régine", "Odile", "Ghislaine", "Joëlle", "Maryse", "Pascale", "Nicolas", "Thomas",
	"Julien", "Olivier", "Laurent", "Karim", "Sébastien", "Mathieu", "François", "Jérôme",
}

var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
	"Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
	"Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
	"Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure",
	"Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
	"Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier",
	"Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
	"Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
	"Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Barbier",
	"Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Le Gall",
}

var userTrades = []string{
	"secretariat", "telesecretaire", "assistante", "bureau", "secretaire", "office", "admin", "dactylo",
}

var regions = []string{
	"en Bretagne", "près de Lyon", "dans le Nord", "en Occitanie", "en Normandie", "à Marseille",
	"en Alsace", "dans les Landes", "en région parisienne", "en Auvergne", "à la Réunion",
	"dans le Jura", "en Vendée", "à Bordeaux", "en Savoie", "en Lorraine", "à Nantes", "en Corse",
}

var specialties = []string{
	"le secrétariat juridique", "le secrétariat médical", "la transcription audio",
	"la gestion commerciale", "la permanence téléphonique", "la saisie comptable",
	"l'assistance aux artisans", "la relecture et la mise en page", "le secrétariat immobilier",
	"la gestion des plannings",
}

// bioTemplates describe a member in a sentence or two.
var bioTemplates = []string{
	"Télésecrétaire indépendante depuis {years}, spécialisée dans {specialty}.",
	"Ancienne assistante de direction, installée à mon compte {region} depuis {years}.",
	"Je travaille surtout pour {client} et {client2}. Contact par le forum uniquement, merci !",
	"En reconversion, je prépare mon installation {region}.",
	"Secrétaire indépendante {region}, {specialty} et un peu de tout le reste.",
	"Maman de trois enfants, à mon compte depuis {years}. Toujours partante pour aider.",
}

var years = []string{
	"deux ans", "cinq ans", "huit mois", "dix ans", "un an et demi", "quinze ans", "trois ans", "six ans",
}

// Things a secretary works on, with their article.
var objects = []string{
	"le devis", "la facture d'acompte", "mes tarifs horaires", "le contrat de prestation",
	"la mutuelle", "le logiciel de transcription", "la pédale de transcription", "mon agenda partagé",
	"les relances d'impayés", "le standard téléphonique", "la déclaration de chiffre d'affaires",
	"mon numéro SIRET", "les mentions obligatoires", "l'assurance responsabilité civile",
	"le portage salarial", "les conditions générales de vente", "la prospection téléphonique",
	"le forfait mensuel", "le site vitrine", "la carte de visite", "mon profil sur les annuaires",
	"les comptes rendus de réunion", "la mise en page des rapports", "le tableau de suivi des clients",
	"la sauvegarde des fichiers", "la messagerie professionnelle", "le compte bancaire dédié",
	"la formation continue", "le bilan de fin d'année", "le modèle de lettre de relance",
	"la grille tarifaire", "le renvoi d'appels", "la signature électronique", "le registre RGPD",
}

// Infinitives that take one of objects.
var verbs = []string{
	"facturer", "relancer", "négocier", "déclarer", "présenter", "envoyer", "préparer",
	"calculer", "proposer", "organiser", "automatiser", "mettre à jour", "rédiger", "vérifier",
	"simplifier", "archiver", "revoir", "expliquer", "chiffrer", "valider",
}

// The same actions, conjugated with "je".
var verbsJe = []string{
	"facture", "relance", "négocie", "déclare", "présente", "envoie", "prépare",
	"calcule", "propose", "organise", "automatise", "mets à jour", "rédige", "vérifie",
	"simplifie", "archive", "revois", "explique", "chiffre", "valide",
}

var situations = []string{
	"débute", "travaille à domicile", "a des enfants en bas âge", "vient de quitter le salariat",
	"cumule avec un emploi salarié", "travaille pour des avocats", "fait de la transcription médicale",
	"n'a qu'un seul gros client", "part en congé maternité", "déménage en cours d'année",
	"dépasse le plafond de la micro-entreprise", "travaille le soir", "est en reconversion",
	"sous-traite pour une autre secrétaire", "a des clients à l'étranger",
}

var clients = []string{
	"un cabinet d'avocats", "une kinésithérapeute", "un artisan plombier", "une agence immobilière",
	"un médecin généraliste", "une petite entreprise du bâtiment", "un notaire", "une association",
	"un cabinet d'architectes", "une infirmière libérale", "un expert-comptable", "une auto-école",
	"un psychologue", "une agence de communication", "un huissier", "une start-up",
	"un électricien", "une orthophoniste", "un syndic de copropriété", "une fleuriste",
}

var tools = []string{
	"un tableur", "un agenda en ligne", "un logiciel de facturation", "une pédale USB",
	"un casque à réduction de bruit", "un logiciel de dictée", "une ligne virtuelle",
	"un gestionnaire de mots de passe", "un outil de signature en ligne", "un second écran",
	"un disque de sauvegarde", "un traitement de texte en ligne", "une application de notes",
}

var timeExprs = []string{
	"chaque fin de mois", "depuis deux ans", "dès le premier rendez-vous", "tous les trimestres",
	"en début de semaine", "le soir après dix-neuf heures", "pendant les vacances scolaires",
	"dès réception du bon de commande", "une fois par an", "avant chaque nouvelle mission",
	"le lundi matin", "au bout de trente jours", "dès que possible", "depuis le début",
}

var feelings = []string{
	"ça me rassure", "ça me stresse un peu", "j'hésite encore", "je suis perdue",
	"c'est beaucoup plus simple", "je gagne un temps fou", "je ne regrette pas",
	"ça change tout", "j'ai eu des sueurs froides", "je suis soulagée", "je tourne en rond",
}

var amounts = []string{
	"25 € de l'heure", "30 € de l'heure", "35 € de l'heure", "1,20 € la minute audio",
	"150 € par mois", "300 € le forfait", "2 € la page", "45 € la demi-journée",
	"18 € de l'heure", "90 € par mois", "1,50 € la minute", "40 € de l'heure",
}

var services = []string{
	"la permanence téléphonique", "la transcription d'entretiens", "la saisie de factures",
	"la gestion d'agenda", "la frappe de courriers", "la relecture de mémoires",
	"le suivi des relances", "la mise en forme de documents", "la gestion des mails",
	"la prise de rendez-vous", "le classement des archives", "la transcription de réunions",
}

var greetings = []string{
	"Bonjour à toutes,", "Bonjour à tous,", "Bonsoir,", "Hello,", "Coucou les filles,",
	"Bonjour,", "Bonjour à toutes et à tous,", "Salut tout le monde,", "Bonjour la communauté,",
	"Re-bonjour,", "Bonjour {name},", "Merci {name} pour ta réponse.", "Coucou {name} !",
	"Bonsoir à toutes,", "Bonjour et merci pour ce sujet,",
}

var closings = []string{
	"Bon courage !", "Merci d'avance pour vos retours.", "Bonne journée à toutes.",
	"Belle soirée,", "Au plaisir de vous lire.", "Merci beaucoup !", "Tenez-nous au courant !",
	"Courage, ça vaut le coup.", "Bonne continuation.", "Merci de m'avoir lue jusqu'ici.",
	"Des bises,", "À bientôt sur le forum.", "Je croise les doigts pour toi.",
	"N'hésite pas si tu as d'autres questions.", "Merci encore à toutes !",
}

// thanks are the short replies every forum is full of.
var thanks = []string{
	"Merci beaucoup pour ta réponse, c'est très clair !",
	"Merci, je vais regarder ça de près.",
	"Super, merci pour le lien, je le garde précieusement.",
	"Merci {name}, tu m'enlèves une belle épine du pied.",
	"Pareil pour moi, je suis preneuse de vos astuces.",
	"+1, même question de mon côté.",
	"Merci à toutes pour vos réponses, je me sens moins seule.",
	"C'est exactement ce que je cherchais, merci !",
	"Je confirme, c'est ce que je fais depuis {years} et ça marche bien.",
	"Merci pour ce retour d'expérience, très utile.",
	"Je m'abonne au sujet, ça m'intéresse aussi.",
	"Top, merci ! Je teste et je vous dis.",
}

// sentences are the body of paragraphs; each slot in braces is filled from
// the list of the same name.
var sentences = []string{
	"Pour ma part, je {verbJe} {object} {time}.",
	"Je travaille surtout pour {client} et {feeling}.",
	"Au début, je ne savais pas comment {verb} {object}, et {feeling}.",
	"Mon expert-comptable m'a conseillé de {verb} {object} {time}.",
	"J'ai testé {tool} pendant un mois : {feeling}.",
	"Avec {client}, j'ai fini par passer à {amount}.",
	"Le plus dur, c'est de {verb} {object} sans se dévaloriser.",
	"Je te conseille de {verb} {object} avant de te lancer.",
	"Chez moi, {service} représente la moitié de mon chiffre d'affaires.",
	"Attention à {object} : c'est là que beaucoup se font piéger.",
	"Un de mes clients, {client}, me demande {service} {time}.",
	"Depuis que j'utilise {tool}, {feeling}.",
	"Pour {service}, je pars en général sur {amount}.",
	"Il faut vraiment {verb} {object}, sinon on court après les paiements.",
	"On m'a dit qu'on pouvait {verb} {object} {time}, mais je n'ai pas trouvé de source officielle.",
	"Ce qui a marché pour moi : {verb} {object} et s'y tenir.",
	"Je suis à {amount} et personne ne l'a jamais contesté.",
	"Quand on {situation}, le mieux est de {verb} {object} {time}.",
	"Ma première mission, c'était {service} pour {client}.",
	"Je garde {tool} sous la main pour {service}.",
	"Franchement, {feeling} depuis que je {verbJe} {object} {time}.",
	"Le bouche-à-oreille a fait le reste : {client}, puis {client2}.",
	"N'oublie pas de {verb} {object}, c'est obligatoire.",
	"Je ne facture jamais en dessous de {amount}, même pour un essai.",
	"Si c'était à refaire, je commencerais par {verb} {object}.",
	"Une collègue {region} fait {service} et elle s'en sort très bien.",
	"Je bloque deux heures {time} pour {verb} {object}.",
	"Le contrat prévoit {service} et rien d'autre, c'est écrit noir sur blanc.",
	"J'ai perdu un client parce que je n'avais pas su {verb} {object}.",
	"Tout est dans le guide épinglé, mais je résume : {verb} {object}, puis {verb2} {object2}.",
}

// questions end paragraphs asked by the thread's author.
var questions = []string{
	"Comment faites-vous pour {verb} {object} ?",
	"Est-ce que quelqu'un a déjà {service} pour {client} ?",
	"Quel tarif pratiquez-vous pour {service} ?",
	"Vous passez par {tool} ou vous faites tout à la main ?",
	"Faut-il {verb} {object} {time}, ou est-ce que j'ai mal compris ?",
	"Quand on {situation}, est-ce qu'il faut {verb} {object} ?",
	"Quelqu'un aurait un modèle pour {object} ?",
	"Est-ce normal que {client} me demande {service} gratuitement ?",
	"Vous conseillez plutôt {amount} ou un forfait ?",
	"Par quoi commenceriez-vous à ma place ?",
	"Avez-vous un retour d'expérience sur {tool} ?",
	"Comment avez-vous trouvé vos premiers clients ?",
}

// titles open threads; they keep between 10 and 150 characters.
var titles = []string{
	"Comment {verb} {object} quand on {situation} ?",
	"Quel tarif pour {service} ?",
	"Premier client, {client} : comment m'y prendre ?",
	"Besoin d'avis sur {object}",
	"Retour d'expérience : {service} pour {client}",
	"Micro-entreprise ou portage pour {service} ?",
	"{tool} ou {tool2} pour {service} ?",
	"Impayé : {client} ne répond plus",
	"Faut-il {verb} {object} {time} ?",
	"Débutante : par où commencer pour {service} ?",
	"{amount}, c'est trop ou pas assez ?",
	"Mon expérience avec {client}",
	"Modèle pour {object}",
	"Conseils pour {verb} {object}",
	"Se lancer quand on {situation}",
	"Question sur {object}",
	"Votre organisation pour {service} ?",
	"Astuce : {verb} {object} {time}",
}

var headings = []string{
	"Mon expérience", "Ce que je facture", "Les démarches", "Mes outils", "Le contrat",
	"Trouver des clients", "En résumé", "Ce que je referais", "Côté organisation", "Les pièges",
}

var links = []string{
	"[le guide épinglé](/s/se-lancer)", "[la fiche pratique](https://exemple.fr/fiche-pratique)",
	"[ce comparatif](https://exemple.org/comparatif-outils)", "https://exemple.fr/modeles",
	"[la page officielle](https://exemple.fr/statut-micro)", "[mon article](https://exemple.com/blog/tarifs)",
}

var codeSnippets = []string{
	"Clients/\n  Dupont/\n    devis/\n    factures/",
	"AAAA-MM-client-objet.pdf",
	"Objet : relance facture n° {num}\nMontant : {amount}\nÉchéance dépassée de 30 jours",
}
