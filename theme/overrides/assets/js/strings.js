/**
 * Every user-facing text of the site's JavaScript, in one place, so a second
 * language is a translation, not a hunt. Dutch (B1): short and concrete.
 */
export const TEXT = {
  progress: (answered, total) => `${answered} van ${total} beantwoord`,
  restored: (count) => `${count} ${count === 1 ? "antwoord" : "antwoorden"} van de vorige keer teruggezet.`,
  cleared: "Je antwoorden zijn gewist.",
  engineLoading: "De rekenmodule wordt geladen. Je kunt gewoon doorgaan met invullen.",
  engineStarting: "De rekenmodule start…",
  engineReady: "De rekenmodule is klaar.",
  computing: "Je resultaat wordt berekend…",
  waitingForEngine: "Nog even geduld: de rekenmodule is bijna klaar. Je resultaat komt zo.",
  engineFailed: "De rekenmodule kon niet starten. Je antwoorden zijn bewaard. Controleer je verbinding en probeer het opnieuw.",
  engineTimeout: "Het laden van de rekenmodule duurt te lang. Je antwoorden zijn bewaard. Probeer het opnieuw.",
  retry: "Opnieuw proberen",
  nothingAnswered: "Je hebt nog geen vragen beantwoord. Beantwoord eerst een paar vragen.",
  resultError: (message) => `Je resultaat kon niet worden berekend: ${message}`,
  storageOff: "Je browser bewaart hier niets. Je antwoorden blijven alleen bewaard zolang dit tabblad open is.",
  storageCorrupt: "Eerder bewaarde antwoorden waren onleesbaar en zijn genegeerd.",
  profileHeading: "Wat past bij jullie",
  profileHeadingSelf: "Wat past bij jou",
  noProfile: "Er is nog te weinig ingevuld om een profiel te kiezen.",
  dimensionsHeading: "Per onderdeel",
  chartTitle: "Score per onderdeel, van 0 tot 100",
  tableCaption: "Scores per onderdeel (0 tot 100)",
  columnDimension: "Onderdeel",
  columnScore: "Score",
  columnBand: "Uitkomst",
  columnAnswered: "Beantwoord",
  noScore: "Nog geen score",
  noScoreExplained: "Te weinig vragen van dit onderdeel zijn beantwoord om een score te geven. Beantwoord minstens de helft.",
  scoreOf: (score) => `${score} van 100`,
  answeredOf: (answered, total) => `${answered} van ${total}`,
  openHeading: (count) => `Nog ${count} ${count === 1 ? "vraag" : "vragen"} open`,
  openIntro: "Je resultaat is gebaseerd op de vragen die je wel hebt beantwoord. Deze vragen staan nog open:",
  codeHeading: "Jouw resultaatcode",
  codeExplained: "Deze code bevat alleen je antwoorden: geen naam, geen tijdstip, niets dat naar jou wijst. Geef hem aan de begeleider van je team als je samen de uitslag wilt bekijken.",
  copy: "Kopieer code",
  copied: "Gekopieerd",
  copyFailed: "Kopiëren lukte niet. Selecteer de code en kopieer hem zelf.",
  downloadJson: "Download als JSON",
  print: "Afdrukken",
  answersLabel: "Antwoorden",
};

/** A score as Dutch readers write it: 87,5. */
export function formatScore(score) {
  return score === null || score === undefined ? "–" : String(score).replace(".", ",");
}
