/**
 * Every user-facing text of the site's JavaScript, in one place, so a second
 * language is a translation, not a hunt. Dutch (B1): short and concrete.
 */
export const TEXT = {
  progress: (answered, total) => `${answered} van ${total} beantwoord`,
  restored: (count) => `${count} ${count === 1 ? "antwoord" : "antwoorden"} van de vorige keer teruggezet.`,
  cleared: "Je antwoorden zijn gewist.",
  otherTabMerged: "Je hebt deze scan ook in een ander tabblad open. De antwoorden van beide tabbladen zijn samengevoegd.",
  otherTabChanged: (numbers) => `${numbers.length === 1 ? "Vraag" : "Vragen"} ${listed(numbers)} ` +
    `${numbers.length === 1 ? "is" : "zijn"} in een ander tabblad anders beantwoord. Het laatst gekozen antwoord telt.`,
  otherTabCleared: "Je antwoorden zijn gewist in een ander tabblad. Daarom zijn ze hier ook gewist.",
  resultOutdated: "Klik nog een keer op ‘Bekijk resultaat’ voor je nieuwe resultaat.",
  clearedAll: "Alles is gewist: deze site heeft nu niets meer van jou in deze browser.",
  clearedAllButOffline: "Je antwoorden en codes zijn gewist. De offline kopie van de site is nog niet helemaal weg. " +
    "Sluit de andere tabbladen van deze site en klik nog een keer op Wis alles.",
  engineStarting: "De rekenmodule start…",
  computing: "Je resultaat wordt berekend…",
  waitingForEngine: "Nog even geduld: de rekenmodule is bijna klaar. Je resultaat komt zo.",
  engineFailed: "De rekenmodule kon niet starten. Je antwoorden zijn bewaard. Controleer je verbinding en probeer het opnieuw.",
  engineTimeout: "Het laden van de rekenmodule duurt te lang. Je antwoorden zijn bewaard. Probeer het opnieuw.",
  retry: "Opnieuw proberen",
  fallbackHeading: "Je uitslag kan nu niet worden berekend",
  fallbackExplained: "De rekenmodule laadt niet in deze browser. Je antwoorden zijn bewaard. Je resultaatcode hieronder werkt wel: geef hem aan de begeleider, of probeer het later opnieuw voor je eigen uitslag.",
  fallbackLink: "Of stuur deze link naar de begeleider:",
  nothingAnswered: "Je hebt nog geen vragen beantwoord. Beantwoord eerst een paar vragen.",
  resultError: (message) => `Je resultaat kon niet worden berekend: ${message}`,
  storageOff: "Je browser bewaart hier niets. Je antwoorden blijven alleen bewaard zolang dit tabblad open is.",
  storageCorrupt: "Eerder bewaarde antwoorden waren onleesbaar en zijn genegeerd.",
  profileHeading: "Wat past bij jullie",
  profileHeadingSelf: "Wat past bij jou",
  noProfile: "Er is nog te weinig ingevuld om een profiel te kiezen.",
  // a result the engine flags (engine/scoring.py FLAGS): one plain sentence per flag
  flagsHeading: "Uitslag onzeker",
  flagReasons: {
    incomplete: (parts) => `Bij ${parts.length === 1 ? "het onderdeel" : "de onderdelen"} ${listed(parts)} ` +
      `${parts.length === 1 ? "is" : "zijn"} te weinig vragen beantwoord, dus je krijgt nog geen profiel.`,
    straightlining: "Je gaf bijna overal hetzelfde antwoord, dus de uitslag zegt misschien weinig over jouw situatie.",
    inconsistent: "Sommige antwoorden spreken elkaar tegen, misschien omdat een paar vragen juist het omgekeerde zeggen.",
    "many-unknown": "Je koos vaak ‘Weet ik niet’ of liet vragen open, dus de uitslag steunt op weinig antwoorden.",
  },
  maybe: (title) => `Mogelijk: ${title}`,
  maybeEither: (first, second) => `Mogelijk: ${first} of ${second}`,
  between: (first, second) => `Je zit tussen ${first} en ${second}`,
  betweenExplained: "Je antwoorden passen bijna even goed bij allebei. Lees ze allebei en kijk wat je het meest herkent.",
  runnerUp: (title) => `Lees ook over ${title}`,
  reflectionHeading: "Jouw antwoorden op de open vragen",
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
};

/** 3; 3 en 5; 2, 3 en 5. */
function listed(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

/** A score as Dutch readers write it: 87,5. */
export function formatScore(score) {
  return score === null || score === undefined ? "–" : String(score).replace(".", ",");
}

/** Texts of the team round and the facilitator's team page. */
export const TEAM = {
  roundLabel: (label) => `Teamronde: ${label}`,
  qrCaption: "Laat de begeleider deze QR-code scannen met de camera van een telefoon. De link opent de teampagina met jouw code erin.",
  qrLabel: "QR-code met een link naar de teampagina, met jouw resultaatcode erin",
  roundNeedsLabel: "Vul eerst een naam in voor de teamronde.",
  checking: "De codes worden gecontroleerd…",
  noCodes: "Plak hier de resultaatcodes van de teamleden.",
  codeAdded: "De code uit de link is toegevoegd aan de lijst.",
  counted: (valid, duplicates, bad) =>
    `${valid} geldige ${valid === 1 ? "code" : "codes"}` +
    (duplicates ? `, ${duplicates} dubbel (telt één keer)` : "") +
    (bad ? `, ${bad} met een probleem` : "") + ".",
  stillNeeded: (n, min) =>
    `Nog ${min - n} ${min - n === 1 ? "geldige code" : "geldige codes"} nodig. Vanaf ${min} codes verschijnt de uitslag. ` +
    "Zo blijft onherkenbaar wat één persoon heeft ingevuld.",
  statusLabels: {
    valid: "Geldig",
    duplicate: "Dubbel",
    typo: "Fout in de code",
    "other-scan": "Andere scan",
    "other-version": "Andere versie",
  },
  linesCaption: "Status per ingevoerde code",
  columnLine: "Nr.",
  columnCode: "Code",
  columnStatus: "Status",
  summary: (n) => `Uitslag van ${n} teamleden.`,
  between: (first, second) => `Jullie zitten tussen ${first} en ${second}`,
  betweenExplained: "De scores van het team passen bijna even goed bij allebei. Lees ze allebei en bespreek wat jullie het meest herkennen.",
  pictureHeading: "Het team per onderdeel",
  pictureIntro: "Elke stip is één teamlid, het streepje is het gemiddelde. Ver uit elkaar liggende stippen betekenen: jullie zien dit verschillend.",
  pictureTitle: (title) => `Scores van de teamleden voor ${title}`,
  tableCaption: "Cijfers per onderdeel (0 tot 100)",
  columns: ["Onderdeel", "Aantal", "Gemiddelde", "Mediaan", "Laagste", "Hoogste", "Spreiding", "Per uitkomst"],
  discussHeading: "Om te bespreken",
  discussIntro: "Over deze vragen denken jullie het meest verschillend. Dat zijn goede vragen om het gesprek mee te beginnen: wat zie jij dat een ander niet ziet?",
  discussNone: "Jullie antwoorden liggen dicht bij elkaar. Bespreek vooral het onderdeel met de laagste score.",
  distributionCaption: (text) => `Antwoorden op: ${text}`,
  answersCount: (count) => `${count}×`,
  downloadCsv: "Download als CSV",
  downloadJson: "Download als JSON",
  print: "Afdrukken",
  clearConfirm: "Alle codes van deze teamronde wissen uit deze browser?",
  cleared: "De teamronde is gewist.",
  fileTooBig: "Dit bestand is groter dan 1 MB. Een lijst met codes is veel kleiner: kies het goede bestand.",
  fileUnreadable: "Dit bestand kon niet gelezen worden.",
  notAnExport: "Dit bestand is geen export van een teamuitslag van Supportwijzer. " +
    "Kies het JSON-bestand dat je bij een eerdere ronde met ‘Download als JSON’ hebt bewaard.",
  compareCaption: "Verandering per onderdeel sinds de eerdere ronde",
  compareColumns: ["Onderdeel", "Gemiddelde toen", "Gemiddelde nu", "Verschil", "Spreiding toen", "Spreiding nu", "Verschil"],
  compareNeedsResult: "Vergelijken kan pas als deze ronde een uitslag heeft.",
  engineFailed: "De rekenmodule kon niet starten. De codes zijn bewaard in deze browser. Probeer het opnieuw.",
};

/** The team page's camera (team-camera.js). */
export const CAMERA = {};

/** Paper answer sheets and the typing grid (team-grid.js). */
export const GRID = {};

/** Presentation mode and agreements (team-present.js). */
export const PRESENT = {};

/** Rounds kept on this device, trends and the A4 report (team-history.js). */
export const HISTORY = {};

/** One device for the whole team (kiosk.js). */
export const KIOSK = {};
