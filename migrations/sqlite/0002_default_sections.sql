-- +goose Up
-- The default sections of a forum of independent secretaries. Their names are
-- the community's content, in French; admins rename them at will.
INSERT INTO sections (slug, name, description, position, is_newcomers, created_at, updated_at) VALUES
('se-lancer', 'Se lancer — questions des futures télésecrétaires', 'Vous voulez devenir télésecrétaire ou secrétaire indépendante ? Posez ici vos questions : les membres y répondent quand ils le peuvent.', 1, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('trouver-des-clients', 'Trouver des clients', 'Prospection, réseaux, plateformes, fidélisation : comment les membres trouvent et gardent leurs clients.', 2, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('juridique-et-statut', 'Juridique et statut', 'Micro-entreprise, portage, contrats, assurances, RGPD et obligations.', 3, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('comptabilite-et-tarifs', 'Comptabilité et tarifs', 'Fixer ses prix, facturer, déclarer, relancer les impayés.', 4, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('outils-et-logiciels', 'Outils et logiciels', 'Standard téléphonique, agenda partagé, transcription, bureautique.', 5, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('entre-nous', 'Entre nous', 'Le coin café : organisation, moral, équilibre entre vie pro et perso.', 6, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- +goose Down
DELETE FROM sections WHERE slug IN ('se-lancer', 'trouver-des-clients', 'juridique-et-statut', 'comptabilite-et-tarifs', 'outils-et-logiciels', 'entre-nous');
