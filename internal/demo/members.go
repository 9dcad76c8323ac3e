package demo

import (
	"context"
	"fmt"

	"entraide/internal/accounts"
	"entraide/internal/replies"
)

// The demo members' profiles, contact preferences and canned replies:
// written for the demo, as the members of such a forum would fill them in.

// profile is what a demo member says about herself; Specialties are names
// of the default list, which the migration writes.
type profile struct {
	DisplayName string
	Bio         string
	Specialties []string
	Other       string
	Region      string
	Website     string
	Mode        accounts.ContactMode
	TimeZone    string
	Windows     []accounts.WindowInput
	Note        string
}

var profiles = map[string]profile{
	sylvie: {DisplayName: "Sylvie Moreau", Bio: "Secrétaire médicale pendant quinze ans en cabinet, indépendante depuis 2014. Je travaille pour des médecins généralistes, deux cabinets de kinésithérapie et un centre dentaire.\n\nJ'aime transmettre, à condition que la question soit posée ici : la réponse sert à toutes.",
		Specialties: []string{"Médical"}, Other: "Gestion d'agenda, permanence téléphonique", Region: "69", Website: "https://sylvie-secretariat.example",
		Mode: accounts.ContactPhone, Windows: []accounts.WindowInput{{Day: "2", From: "14:00", To: "16:00"}, {Day: "4", From: "14:00", To: "16:00"}},
		Note: "Je rappelle uniquement sur rendez-vous demandé ici, sous 48 h."},
	nathalie: {DisplayName: "Nathalie R.", Bio: "Assistante juridique pendant dix ans dans un cabinet d'avocats, aujourd'hui à mon compte pour des avocats et des notaires : frappe d'actes, suivi des audiences, relances.",
		Specialties: []string{"Juridique", "Immobilier"}, Region: "33", Mode: accounts.ContactForum, Note: "Je réponds le soir, en général sous deux jours."},
	karine: {DisplayName: "Karine", Bio: "Transcriptrice depuis 2016 : entretiens de recherche, comptes rendus de réunions, dictées médicales. Je travaille depuis La Réunion, avec le décalage horaire que cela suppose.",
		Specialties: []string{"Transcription", "Médical"}, Other: "Sous-titrage", Region: "974", Mode: accounts.ContactPhone, TimeZone: "Indian/Reunion",
		Windows: []accounts.WindowInput{{Day: "1", From: "09:00", To: "11:00"}, {Day: "3", From: "09:00", To: "11:00"}},
		Note:    "Les rendez-vous se prennent ici, par écrit ; pas d'appel sans rendez-vous."},
	aurelie: {DisplayName: "Aurélie B.", Bio: "Assistante administrative des artisans du bâtiment : devis, factures, relances, dossiers d'assurance. Je travaille pendant l'école des enfants.",
		Specialties: []string{"Artisans et BTP", "Commercial"}, Region: "56", Mode: accounts.ContactForum, Note: "Je passe sur le forum deux fois par semaine."},
	helene: {DisplayName: "Hélène B.", Bio: "Secrétaire indépendante polyvalente depuis 2011 et modératrice du forum. Comptabilité des petites entreprises, courrier, agenda.",
		Specialties: []string{"Comptabilité", "Commercial"}, Region: "75", Mode: accounts.ContactForum},
	camille: {DisplayName: "Camille", Bio: "Aide-soignante depuis huit ans, je prépare ma reconversion vers le secrétariat médical.", Region: "59", Mode: accounts.ContactForum},
	julien:  {DisplayName: "Julien L.", Bio: "Ancien gestionnaire logistique, installé en Belgique, je me renseigne avant de me lancer.", Region: accounts.Abroad, TimeZone: "Europe/Brussels", Mode: accounts.ContactForum},
}

// canned are the demo's canned replies, by owner; the moderator's shared
// ones are the team's set.
type cannedReply struct {
	Owner string
	Team  bool
	Title string
	Body  string
}

var cannedReplies = []cannedReply{
	{Owner: helene, Team: true, Title: "Bienvenue et premiers pas",
		Body: "Bonjour {prénom},\n\nBienvenue sur le forum. Les membres répondent ici, sur leur temps libre, quand c'est possible : gardez l'échange sur le forum, la réponse servira aussi aux suivantes.\n\nPour « {sujet} », commencez par ces guides :\n\n{guides}\n\nSi votre question n'y est pas, dites ce que vous avez déjà lu ou essayé : les réponses n'en seront que plus précises."},
	{Owner: helene, Team: true, Title: "Pas d'appel sans rendez-vous",
		Body: "Bonjour {prénom},\n\nLes membres travaillent souvent au téléphone ou un casque sur les oreilles : merci de ne pas les appeler sans rendez-vous. Celles qui acceptent un rendez-vous téléphonique l'indiquent sur leur profil, avec leurs créneaux. Pour le reste, tout se passe ici."},
	{Owner: sylvie, Title: "Se lancer en secrétariat médical : par où commencer",
		Body: "Bonjour {prénom},\n\nJe suis passée par là. Dans l'ordre :\n\n1. le statut (la micro-entreprise suffit pour commencer) ;\n2. une formation à la terminologie médicale si vous n'en avez pas ;\n3. un logiciel d'agenda partagé que les cabinets connaissent ;\n4. vos trois premiers cabinets, par le réseau plutôt que par les plateformes.\n\nLes guides de la rubrique détaillent chaque étape :\n\n{guides}"},
	{Owner: sylvie, Title: "Tarifs d'une permanence téléphonique médicale",
		Body: "Bonjour {prénom},\n\nPour une permanence, je facture au forfait mensuel avec un nombre d'appels compris, puis à l'appel au-delà. Comptez le temps de prise de message et de rappel, pas seulement la durée de l'appel."},
	{Owner: nathalie, Title: "Micro-entreprise ou portage salarial ?",
		Body: "Bonjour {prénom},\n\nLa micro-entreprise est la plus simple pour démarrer ; le portage rassure certains clients mais coûte une part de votre chiffre d'affaires. Le guide sur les statuts compare les deux :\n\n{guides}"},
	{Owner: karine, Title: "Matériel pour débuter en transcription",
		Body: "Bonjour {prénom},\n\nUn casque fermé, une pédale de transcription et un logiciel de lecture qui ralentit l'audio : le reste vient avec les premiers clients. Évitez d'acheter un logiciel de reconnaissance vocale avant d'avoir testé les versions d'essai."},
}

// writeProfiles saves the demo members' profiles and canned replies,
// through the services.
func writeProfiles(ctx context.Context, d Deps, users map[string]*accounts.User) error {
	if d.Profiles == nil || d.Replies == nil {
		return nil
	}
	specialties, err := d.Profiles.Specialties(ctx)
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, s := range specialties {
		byName[s.Name] = s.ID
	}
	for _, m := range members {
		p, ok := profiles[m.Username]
		if !ok {
			continue
		}
		in := accounts.ProfileInput{DisplayName: p.DisplayName, Bio: p.Bio, SpecialtiesOther: p.Other, Region: p.Region, Website: p.Website,
			ContactMode: p.Mode, ContactNote: p.Note, TimeZone: p.TimeZone, Windows: p.Windows}
		for _, name := range p.Specialties {
			if byName[name] == 0 {
				return fmt.Errorf("demo: %s: no specialty %q", m.Username, name)
			}
			in.SpecialtyIDs = append(in.SpecialtyIDs, byName[name])
		}
		if users[m.Username], err = d.Profiles.Save(ctx, users[m.Username], in); err != nil {
			return fmt.Errorf("demo: profile of %s: %w", m.Username, err)
		}
	}
	for _, c := range cannedReplies {
		if _, err := d.Replies.Create(ctx, users[c.Owner], c.Team, replies.Input{Title: c.Title, Body: c.Body}); err != nil {
			return fmt.Errorf("demo: canned reply %q: %w", c.Title, err)
		}
	}
	return nil
}
