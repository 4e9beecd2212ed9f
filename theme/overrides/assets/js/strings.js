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
  profileHeading: "Jullie uitslag",
  profileHeadingSelf: "Jouw uitslag",
  noProfile: "Er is nog te weinig ingevuld om een profiel te kiezen.",
  // a result the engine flags (engine/scoring.py FLAGS): one plain sentence per flag
  flagsHeading: "Uitslag onzeker",
  flagReasons: {
    incomplete: (parts) => `Bij ${parts.length === 1 ? "het onderdeel" : "de onderdelen"} ${listed(parts)} ` +
      `${parts.length === 1 ? "is" : "zijn"} te weinig vragen beantwoord, dus je krijgt nog geen profiel.`,
    straightlining: "Je gaf bijna overal hetzelfde antwoord, dus de uitslag zegt misschien weinig over jouw situatie.",
    inconsistent: "Je antwoorden op vragen over hetzelfde onderwerp lopen sterk uiteen, " +
      "bijvoorbeeld als je het eens bent met een stelling én met het omgekeerde ervan.",
    "many-unknown": "Je koos vaak ‘Weet ik niet’ of liet vragen open, dus de uitslag steunt op weinig antwoorden.",
  },
  maybe: (title) => `Mogelijk: ${title}`,
  maybeEither: (first, second) => `Mogelijk: ${first} of ${second}`,
  between: (first, second) => `Je zit tussen ${first} en ${second}`,
  betweenExplained: "Je antwoorden passen bijna even goed bij allebei. Lees ze allebei en kijk wat je het meest herkent.",
  runnerUp: (title) => `Lees ook over ${title}`,
  // the mean and the range at one decimal, as the rule decided on them: rounded to whole numbers,
  // 35.4 would read "35 (midden)" and 19.6 "20 punten ... in balans"
  relative: (relative, titleOf) => `Gemiddelde van de lijnen: ${formatScore(relative.mean)} (${relative.level.label.toLowerCase()}). ` +
    `Verschil tussen de hoogste en de laagste lijn: ${formatScore(relative.range)} punten.` +
    (relative.behind.length === 0 ? (relative.balanced ? " De lijnen zijn dus in balans." : " De lijnen zijn dus niet in balans.") : "") +
    (relative.behind.length > 1 ? ` Meer dan één lijn blijft achter: ${relative.behind.map(titleOf).join(" en ")}.` : ""),
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
  counted: (valid, duplicates, bad, incomplete = 0) =>
    `${valid} geldige ${valid === 1 ? "code" : "codes"}` +
    (duplicates ? `, ${duplicates} dubbel (telt één keer)` : "") +
    (incomplete ? `, ${incomplete} met te weinig antwoorden` : "") +
    (bad ? `, ${bad} met een probleem` : "") + ".",
  readyToShow: (n, min) => `${n} codes tellen mee. Komen er nog codes? Wacht dan tot iedereen zijn code heeft gegeven. ` +
    `Na het tonen verandert de uitslag pas weer als er minstens ${min} codes bij komen of af gaan.`,
  showResult: "Toon de uitslag",
  otherTabChanged: "De codes van deze ronde zijn bijgewerkt in een ander tabblad, bijvoorbeeld door de kiosk. De lijst hieronder is bijgewerkt.",
  showNewVersion: "Toon de nieuwe versie",
  versionOf: (version, versions) => `Versie ${version} van ${versions} van deze teamronde.`,
  versionRefused: (difference, needed) => `Sinds deze versie ${difference === 1 ? "is 1 code" : `zijn ${difference} codes`} ` +
    `bijgekomen of weggehaald. Een nieuwe versie kan pas als er nog ${needed} ${needed === 1 ? "code" : "codes"} ` +
    "bij komen of af gaan. Zo is niet te zien wat één teamlid heeft geantwoord.",
  versionReady: (difference) => `Er ${difference === 1 ? "is 1 code" : `zijn ${difference} codes`} veranderd sinds deze versie. ` +
    "Je kunt de uitslag van de codes van nu tonen als nieuwe versie.",
  incompleteLeftOut: (count) => `${count} ${count === 1 ? "code telt" : "codes tellen"} niet mee: te weinig antwoorden. ` +
    "Een code telt mee als er op elk onderdeel genoeg is ingevuld.",
  itemsWithheld: (min) => `Antwoorden per vraag zie je pas vanaf ${min} teamleden. Bij minder mensen is te makkelijk ` +
    "te zien wie wat heeft geantwoord. Bespreek nu de onderdelen hierboven.",
  unknownShare: (count, n) => `${count} van ${n} ${count === 1 ? "teamlid weet" : "teamleden weten"} het niet of ${count === 1 ? "liet" : "lieten"} de vraag open.`,
  stillNeeded: (n, min) =>
    `Nog ${min - n} ${min - n === 1 ? "geldige code" : "geldige codes"} nodig. Vanaf ${min} codes verschijnt de uitslag. ` +
    "Zo blijft onherkenbaar wat één persoon heeft ingevuld.",
  statusLabels: {
    valid: "Geldig",
    duplicate: "Dubbel",
    incomplete: "Te weinig antwoorden",
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
  pictureIntro: "Elk onderdeel loopt van 0 tot 100. Bij 0 koos iemand steeds de laagste kant van de vragen, bij 100 steeds de hoogste kant. De grijze vlakken zijn de uitkomsten, met hun grenzen eronder. Elke stip is één teamlid, het streepje is het gemiddelde. Liggen de stippen ver uit elkaar? Dan zien jullie dit verschillend.",
  meanOf: (mean) => `gemiddeld ${mean} van 100`,
  spreadSame: "jullie zien dit ongeveer hetzelfde",
  spreadSome: "jullie zien dit wat verschillend",
  spreadApart: "jullie zien dit duidelijk verschillend",
  unknownLabel: "Weet ik niet",
  pictureTitle: (title) => `Scores van de teamleden voor ${title}`,
  tableCaption: "Cijfers per onderdeel (0 tot 100)",
  columns: ["Onderdeel", "Aantal", "Gemiddelde", "Mediaan", "Laagste–hoogste", "Spreiding", "Per uitkomst"],
  discussHeading: "Om te bespreken",
  discussIntro: "Bij deze vragen zitten jullie duidelijk aan twee kanten: een deel is het eens, een deel oneens. Dat zijn goede vragen om het gesprek mee te beginnen: wat zie jij dat een ander niet ziet?",
  discussNone: "Geen opvallende verschillen. Jullie antwoorden liggen niet duidelijk aan twee kanten. Kies samen het onderdeel waar jullie het eerst over willen praten.",
  distributionCaption: (text) => `Antwoorden op: ${text}`,
  answersCount: (count) => (count === 1 ? "1 teamlid" : `${count} teamleden`),
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
  /** The comparison's columns, "toen" named by the earlier round's date (jjjj-mm-dd) when the export has one. */
  compareColumnsOn: (date) => {
    const then = /^\d{4}-\d{2}-\d{2}$/.test(date || "") ? `op ${date.split("-").reverse().join("-")}` : "toen";
    return ["Onderdeel", `Gemiddelde ${then}`, "Gemiddelde nu", "Verschil", `Spreiding ${then}`, "Spreiding nu", "Verschil"];
  },
  printHead: (round, date) => `${round ? `Teamronde ‘${round}’` : "Teamronde zonder naam"} · ${date.split("-").reverse().join("-")}`,
  compareNeedsResult: "Vergelijken kan pas als deze ronde een uitslag heeft.",
  engineFailed: "De rekenmodule kon niet starten. De codes zijn bewaard in deze browser. Probeer het opnieuw.",
};

/** The team page's camera (team-camera.js), and a code that arrives through a QR link (team-page.js). */
export const CAMERA = {
  heading: "QR-codes scannen met de camera",
  intro: "Teamleden houden de QR-code van hun uitslag voor de camera van dit apparaat. " +
    "Elke code die de camera leest, komt in de lijst. De camerabeelden blijven in deze browser: " +
    "ze worden niet bewaard en niet verstuurd.",
  start: "Scan QR-codes met de camera",
  stop: "Stop de camera",
  videoLabel: "Beeld van de camera",
  starting: "De camera wordt gestart…",
  started: "De camera staat aan. Houd een QR-code recht voor de camera, ongeveer een halve meter ervandaan.",
  count: (n) => (n === 1 ? "1 code in de lijst" : `${n} codes in de lijst`),
  added: (n) => `Code ${n} toegevoegd.`,
  already: "Deze code staat al in de lijst.",
  otherRound: (theirs, ours) => (ours
    ? `Let op: deze QR-code hoort bij teamronde ‘${theirs}’, niet bij ‘${ours}’. De code is niet toegevoegd.`
    : `Let op: deze QR-code hoort bij teamronde ‘${theirs}’. Vul die naam in bij ‘Naam van de teamronde’ ` +
      "en laat de code nog eens zien. De code is niet toegevoegd."),
  otherScan: "Let op: deze QR-code hoort bij een andere scan. De code is niet toegevoegd.",
  broken: "Let op: de code in deze QR-code klopt niet. Hij is niet toegevoegd. Vraag het teamlid om de code over te typen.",
  notOurs: "Let op: dit is geen QR-code van een uitslag van Supportwijzer.",
  stopped: "De camera is uit.",
  stoppedAway: "De camera is uitgezet, omdat de pagina niet meer in beeld was.",
  noCamera: "Er is geen camera gevonden. Sluit een camera aan, of plak de codes in het tekstvak.",
  denied: "Deze pagina mag de camera niet gebruiken. Sta de camera toe via het slotje naast het adres en probeer het opnieuw.",
  inUse: "De camera is in gebruik door een ander programma, bijvoorbeeld een videogesprek. Sluit dat programma en probeer het opnieuw.",
  failed: "De camera kon niet starten. Probeer het opnieuw, of plak de codes in het tekstvak.",
  lost: "De camera is losgekoppeld of uitgezet.",
  readerFailed: "De QR-codes kunnen op dit apparaat niet gelezen worden. Plak de codes in het tekstvak.",
  // a code that arrives through a QR link; the engine checks it later, with all the others
  arrived: (n) => `Code ontvangen. Er ${n === 1 ? "is nu 1 code" : `zijn nu ${n} codes`} bewaard. ` +
    "Kies ‘Codes controleren’ als alle codes binnen zijn.",
  arrivedAgain: (n) => `Deze code was al ontvangen. Er ${n === 1 ? "is 1 code" : `zijn ${n} codes`} bewaard.`,
  arrivedBroken: "Let op: deze code klopt niet. Waarschijnlijk is de link onderweg veranderd. " +
    "De code staat wel in de lijst. Vraag het teamlid om de code nog eens te sturen of over te typen.",
  arrivedOtherScan: "Let op: deze code hoort bij een andere scan. De code staat wel in de lijst, " +
    "maar telt hier niet mee. Stuur het teamlid de link naar de goede scan.",
  arrivedEmpty: "De link bevat geen resultaatcode.",
};

/** Paper answer sheets and the typing grid (team-grid.js). */
export const GRID = {
  // `keys`: { points, unknown, na (or null when no question has "niet van toepassing"), perspective (options, or 0) }
  intro: (k) => `Typ per formulier één teken per vraag, in de volgorde van het formulier: het cijfer in het aangekruiste vakje. ${k.perspective ? "Begin met de vraag vooraf. " : ""}Druk op Enter als het formulier klaar is. Het numerieke toetsenblok werkt ook.`,
  keysCaption: "Toetsen",
  keyScale: (points) => `1 tot en met ${points}`,
  keyScaleMeans: "het vakje met dat cijfer",
  keyUnknown: "weet ik niet, of niets aangekruist",
  keyNa: "niet van toepassing (alleen bij vragen met dat vakje)",
  keyPerspective: (options) => `vraag vooraf: 1 tot en met ${options}, of 0 als die is overgeslagen`,
  keyEnter: "formulier klaar: toevoegen als resultaatcode",
  keyBack: "laatste teken weg",
  rowLabel: (n) => `Formulier ${n}`,
  perspectiveShort: "V",
  perspectiveName: "de vraag vooraf",
  questionName: (n) => `vraag ${n}`,
  progress: (typed, total) => `${typed} van ${total} ingevuld.`,
  at: (name, text) => `Nu: ${name}${text ? `: ${text}` : ""}`,
  complete: "Alles ingevuld. Druk op Enter om het formulier toe te voegen.",
  refused: (char, name, allowed) => `"${char}" kan niet bij ${name}. Typ ${allowed}.`,
  allowedScale: (points, unknown, na) => `1 tot en met ${points}, ${unknown} voor weet ik niet${na ? ` of ${na} voor niet van toepassing` : ""}`,
  allowedPerspective: (options) => `1 tot en met ${options}, of 0 als die is overgeslagen`,
  noNa: (name, unknown) => `${name[0].toUpperCase()}${name.slice(1)} heeft geen vakje "niet van toepassing". Typ het cijfer van het aangekruiste vakje, of ${unknown}.`,
  tooLong: (total) => `Dit formulier heeft ${total} antwoorden: er kan niets meer bij. Druk op Enter om het toe te voegen.`,
  incomplete: (n, typed, total) => `Formulier ${n} is nog niet af: ${typed} van ${total} ingevuld. Is een vraag leeg op papier? Typ dan 0.`,
  added: (n) => `Formulier ${n} is toegevoegd.`,
  waiting: "Wacht op de rekenmodule. Je kunt het volgende formulier al intypen.",
  failed: (message) => `Dit formulier kon nog niet worden omgezet: ${message} Het is bewaard. Druk op Enter in een lege regel om het opnieuw te proberen.`,
  count: (n) => (n === 1 ? "1 formulier ingevoerd in deze teamronde." : `${n} formulieren ingevoerd in deze teamronde.`),
  doneCaption: "Ingevoerde formulieren",
  doneCode: (n) => `Formulier ${n}: code `,
  engineDown: "de rekenmodule is niet gestart.",
  donePending: (n) => `Formulier ${n}: wacht op de rekenmodule`,
  removeHint: "Een formulier verkeerd ingetypt? Haal die code weg uit de lijst met resultaatcodes en typ het formulier opnieuw.",
  tooManyPoints: (max) => `Deze scan heeft meer dan ${max} antwoorden per vraag. Die kun je niet met één cijfer per vraag intypen. Vul de scan per formulier in op de scanpagina en plak de code hierboven.`,
};

/** Presentation mode and agreements (team-present.js). */
export const PRESENT = {
  heading: "Het teamgesprek",
  intro: "Bespreek de uitslag samen, dia voor dia. Per onderdeel zie je eerst de lijn, dan de stippen van het team " +
    "en dan het gemiddelde. Daarna komen de vragen om te bespreken. Leg afspraken meteen vast.",
  open: "Presenteer de uitslag",
  keysHint: "Verder: pijl naar rechts, spatie of Page Down. Terug: pijl naar links of Page Up. Stoppen: Esc.",
  dialogLabel: "Presentatie van de teamuitslag",
  slideOf: (number, total) => `Dia ${number} van ${total}`,
  announce: (number, total, title) => `Dia ${number} van ${total}: ${title}`,
  previous: "Vorige",
  next: "Volgende",
  close: "Stoppen",
  // the opening slide
  openingTitle: (scan) => `Onze uitslag: ${scan}`,
  openingRound: (round) => `Teamronde: ${round}`,
  openingMembers: (n) => `${n} teamleden deden mee.`,
  openingProfile: (title) => `Jullie uitslag: ${title}`,
  previousHeading: "Wat spraken we vorige keer af?",
  previousFrom: (round) => (round ? `Uit de teamronde ‘${round}’.` : "Uit de vorige teamronde zonder naam."),
  done: "gedaan",
  doneSaved: (what, done) => `‘${what}’ staat nu op ${done ? "gedaan" : "nog niet gedaan"}.`,
  // a dimension slide, step by step
  steps: ["De lijn van 0 tot 100", "Elke stip is één teamlid", "Het streepje is het gemiddelde"],
  stripAxis: (title) => `${title}: een lijn van 0 tot 100, nog zonder stippen.`,
  stripDots: (title, scores) => `${title}: de scores van de teamleden zijn ${scores}.`,
  stripMean: (title, scores, mean) => `${title}: de scores van de teamleden zijn ${scores}. Het gemiddelde is ${mean}.`,
  meanLabel: (mean) => `gemiddelde ${mean}`,
  noMean: "Dit onderdeel heeft geen gemiddelde.",
  questionsHeading: "Om te bespreken",
  questionOf: (number, total) => `Vraag ${number} van ${total}`,
  noQuestions: "Bij dit onderdeel lopen de antwoorden niet duidelijk uiteen. Herkennen jullie dit beeld?",
  itemsWithheld: (min) => `Cijfers per vraag verschijnen vanaf ${min} deelnemers. Zo blijft onherkenbaar wat één ` +
    "persoon antwoordde. Praat over dit onderdeel aan de hand van de stippen.",
  distributionCaption: (text) => `Antwoorden op: ${text}`,
  unknownLabel: "Weet ik niet",
  answersCount: (count) => `${count}×`,
  // the closing slide
  closingTitle: "Afspraken en hoe verder",
  closingNone: "Nog geen afspraken. Kies samen hooguit drie punten om mee te beginnen.",
  followUpHeading: "Zo houden jullie de afspraken vast",
  followUp: [
    "Stuur binnen een week een kort verslag: de afspraken, wie wat doet en wanneer.",
    "Breng punten die buiten het team liggen naar de goede plek, bijvoorbeeld HR, ICT of het management.",
    "Begin het volgende overleg met de vraag: wat is er met onze afspraken gebeurd?",
  ],
  general: "Algemeen",
  // the conversation guide's prompts, per kind of slide (content/gespreksleidraad.md)
  promptsHeading: "Vraag bijvoorbeeld",
  prompts: {
    opening: [
      "Vertel kort waarom jullie dit doen: het gaat over jullie werk, niet over wie wat invulde.",
      "Spreek af: iedereen mag zeggen wat hij ziet. Niemand hoeft uit te leggen wat hij zelf antwoordde.",
      "Welke afspraak van vorige keer is gelukt? Wat hielp daarbij?",
    ],
    dimension: [
      "Wat valt je op aan dit plaatje?",
      "Herken je dit in je werk van deze week? Geef eens een voorbeeld.",
      "Liggen de stippen ver uit elkaar? Wat ziet de een dat de ander niet ziet?",
    ],
    questions: [
      "Wat maakt dat jullie hier zo verschillend over denken?",
      "Wanneer merkte je dit voor het laatst? Wat gebeurde er toen?",
      "Wat is hier nodig: steun, zoals hulp of tijd, of een helder kader?",
    ],
    closing: [
      "Welke drie punten pakken we als eerste op?",
      "Wie neemt dit op zich, en wanneer komen we erop terug?",
      "Kan het team dit zelf oplossen, of hebben we iemand anders nodig?",
    ],
  },
  // the timer of each part
  timerHeading: "Tijd voor dit deel",
  minutes: { opening: 5, dimension: 12, closing: 10 },
  start: "Start",
  pause: "Pauze",
  reset: "Opnieuw",
  timerRunning: "loopt",
  timerPaused: "staat stil",
  overTime: "over tijd",
  minutesLeft: (n) => `Nog ${n} ${n === 1 ? "minuut" : "minuten"} voor dit deel.`,
  minutesOver: (n) => `${n} ${n === 1 ? "minuut" : "minuten"} over de tijd.`,
  timeUp: "De tijd voor dit deel is om.",
  // agreements
  agreementsHeading: "Afspraken",
  agreementsHere: (part) => `Afspraken bij ${part}`,
  agreementLegend: (number) => `Afspraak ${number}`,
  what: "Wat",
  who: "Wie",
  when: "Wanneer",
  whenHint: "Een datum of een moment, bijvoorbeeld ‘volgend overleg’.",
  add: "Afspraak toevoegen",
  remove: "Verwijder",
  removeLabel: (number) => `Verwijder afspraak ${number}`,
  added: "Er is een afspraak toegevoegd. Vul in wat, wie en wanneer.",
  removed: "De afspraak is verwijderd.",
  notKept: "Let op: deze browser bewaart niets. De afspraken blijven alleen zolang dit tabblad open is. Download ze als JSON of CSV.",
  roundAgreementsHeading: "Afspraken van deze ronde",
  roundAgreementsNone: "Nog geen afspraken. Je legt ze vast tijdens de presentatie.",
  agreementLine: (what, who, when) => [what, who && `wie: ${who}`, when && `wanneer: ${when}`].filter(Boolean).join(" · "),
};

/** Rounds kept on this device, trends and the A4 report (team-history.js). */
export const HISTORY = {
  heading: "Rondes op dit apparaat",
  intro: "Deze browser bewaart elke teamronde van deze scan. Zodra een ronde een uitslag heeft, bewaart hij ook het totaalbeeld: " +
    "per onderdeel het gemiddelde en de spreiding. Geen losse antwoorden. Zo zie je hoe het team zich ontwikkelt.",
  noRounds: "Op dit apparaat staan nog geen rondes van deze scan.",
  listCaption: "Teamrondes van deze scan in deze browser, van oud naar nieuw",
  listColumns: ["Ronde", "Datum", "Teamleden", "Openen"],
  unnamed: "Zonder naam",
  noResult: "nog geen uitslag",
  isOpen: "Nu open",
  open: "Open",
  openLabel: (name) => `Open ronde ${name}`,
  trendsHeading: "Ontwikkeling per onderdeel",
  trendsNeedTwo: (min) => `De ontwikkeling verschijnt zodra twee rondes een uitslag hebben, dus elk minstens ${min} geldige codes.`,
  trendsIntro: "Per onderdeel het gemiddelde van het team in elke ronde, van 0 tot 100.",
  comparing: (now, before) => `De pijlen vergelijken ‘${now}’ met de ronde ervoor, ‘${before}’.`,
  openIsFirst: "De open ronde is de eerste met een uitslag. Er is nog geen ronde ervoor om mee te vergelijken.",
  leftOut: (names, min) => `Niet in de ontwikkeling, want zonder uitslag (minder dan ${min} geldige codes): ${names.join(", ")}.`,
  trendTitle: (title) => `Ontwikkeling van ${title}: gemiddelde per ronde, van 0 tot 100`,
  arrows: { up: "↑", down: "↓", same: "→" },
  changeWords: {
    up: (points) => `${points} hoger dan vorige ronde`,
    down: (points) => `${points} lager dan vorige ronde`,
    same: () => "gelijk aan vorige ronde",
  },
  noPrevious: "Eerste ronde: nog niets om mee te vergelijken.",
  noScore: "Geen vergelijking: in een van de twee rondes is er geen score.",
  tableSummary: "De cijfers als tabel",
  tableCaption: "Gemiddelde per onderdeel in elke ronde (0 tot 100)",
  tableColumns: ["Ronde", "Datum", "Teamleden"],
  keepHeading: "Alle rondes bewaren of overzetten",
  keepIntro: "Download alle rondes van deze scan in één bestand. Daarmee bewaar je ze, of zet je ze op een ander apparaat. " +
    "Lees het bestand daar in met de knop hieronder. Rondes die er al staan, komen er niet dubbel in.",
  withCodes: "Ook de resultaatcodes meenemen",
  withCodesHint: "Zonder vinkje blijven de codes alleen op dit apparaat. Het bestand bevat dan per ronde alleen de datum, " +
    "het totaalbeeld en de afspraken. Met de codes kan iemand de antwoorden van één teamlid lezen.",
  exportButton: "Download alle rondes",
  importButton: "Rondes inlezen uit een bestand",
  nothingToExport: "Er is nog niets om te downloaden: geen ronde heeft een uitslag of afspraken.",
  exported: (count, codes) => `${count} ${count === 1 ? "ronde" : "rondes"} in het bestand gezet, ${codes ? "met" : "zonder"} de codes.`,
  imported: ({ added, completed, same, renamed }) => {
    if (!added && !completed) return "Alle rondes uit dit bestand stonden er al. Er is niets veranderd.";
    const parts = [];
    if (added) parts.push(`${added} ${added === 1 ? "ronde" : "rondes"} toegevoegd`);
    if (completed) parts.push(`${completed} ${completed === 1 ? "ronde" : "rondes"} aangevuld`);
    if (same) parts.push(`${same} ${same === 1 ? "ronde stond" : "rondes stonden"} er al`);
    const moved = renamed === 1 ? "Eén ronde had dezelfde naam als een andere ronde hier. Die staat er nu in"
      : `${renamed} rondes hadden dezelfde naam als een andere ronde hier. Die staan er nu in`;
    return `${parts.join(", ")}.` + (renamed ? ` ${moved} met de datum achter de naam.` : "");
  },
  fileTooBig: "Dit bestand is groter dan 1 MB. Een bestand met rondes is veel kleiner: kies het goede bestand. Er is niets veranderd.",
  notJson: "Dit bestand kon niet gelezen worden als JSON. Kies het bestand dat je met ‘Download alle rondes’ hebt bewaard. Er is niets veranderd.",
  notHistory: "Dit is geen bestand met rondes van Supportwijzer. Kies het bestand dat je met ‘Download alle rondes’ hebt bewaard. Er is niets veranderd.",
  isRoundExport: "Dit is de uitslag van één ronde (‘Download als JSON’). Die kun je vergelijken bij ‘Vergelijken met een eerdere ronde’. " +
    "Hier lees je een bestand van ‘Download alle rondes’ in. Er is niets veranderd.",
  newerFormat: "Dit bestand is gemaakt met een nieuwere versie van Supportwijzer. Gebruik die versie om het in te lezen. Er is niets veranderd.",
  otherScan: (scan) => `Dit bestand hoort bij een andere scan (${scan}). Lees het in op de teampagina van die scan. Er is niets veranderd.`,
  tooManyRounds: (max) => `Dit bestand heeft meer dan ${max} rondes. Zoveel maakt deze pagina niet: kies het goede bestand. Er is niets veranderd.`,
  emptyFile: "In dit bestand staan geen rondes met een uitslag, afspraken of codes. Er is niets veranderd.",
  rejected: (problems) => `Dit bestand is niet ingelezen, want er klopt iets niet. ${problems.slice(0, 3).join(" ")}` +
    (problems.length > 3 ? ` En nog ${problems.length - 3} andere problemen.` : "") + " Er is niets veranderd.",
  roundProblem: (number, name, what) => `Ronde ${number}${name ? ` (‘${name}’)` : ""}: ${what}.`,
  problemRound: "dit is geen ronde",
  problemUnknown: (key) => `onbekend onderdeel ‘${String(key).slice(0, 40)}’`,
  problemName: (max) => `de naam moet tekst zijn van hoogstens ${max} tekens, zonder spaties aan het begin of eind`,
  problemDate: "de datum ontbreekt of is geen datum als 2026-03-31",
  problemResult: "de cijfers van de uitslag zijn onvolledig of onmogelijk",
  problemAgreements: "de afspraken zijn onleesbaar",
  problemCodes: "de codes zijn geen tekst, of te lang",
  noDate: "zonder datum",
  reportRound: (name) => `Teamronde: ${name}`,
  reportDate: "Datum",
  reportMembers: "Aantal teamleden",
  agreementsHeading: "Afspraken",
  agreementsCaption: "Afspraken van deze ronde",
  agreementsColumns: ["Wat", "Wie", "Wanneer", "Onderdeel"],
  noAgreements: "In deze ronde zijn nog geen afspraken vastgelegd.",
  general: "Algemeen",
  compareHint: "Staan de eerdere rondes op dit apparaat? Dan zie je de ontwikkeling ook zonder bestand",
  compareHintLink: "bij Ontwikkeling per onderdeel",
};

/** One device for the whole team (kiosk.js). */
export const KIOSK = {
  banner: (round, member) => `Teamronde ${round} op één apparaat: lid ${member}`,
  intro: "Vul de scan in en kies onderaan ‘Klaar’. Je krijgt geen eigen uitslag en geen code: je antwoorden gaan zonder naam " +
    "naar de teamronde. De open vragen voor jezelf vallen weg. Daarna is het scherm weer leeg voor het volgende teamlid.",
  finish: "Klaar",
  saving: "Je antwoorden worden bewaard voor de teamronde…",
  nothingAnswered: "Je hebt nog geen vragen beantwoord. Beantwoord eerst de vragen en kies dan ‘Klaar’.",
  openConfirm: (count) => `Er ${count === 1 ? "staat nog 1 vraag" : `staan nog ${count} vragen`} open. ` +
    "Weet je het antwoord niet, kies dan ‘Weet ik niet’. Toch klaar?",
  thanks: "Dank je. Geef het apparaat door aan het volgende teamlid.",
  done: (count, min) => `${count === 0 ? "Nog niemand is" : `${count} ${count === 1 ? "teamlid is" : "teamleden zijn"}`} klaar. ` +
    `De teamuitslag komt vanaf ${min} teamleden.`,
  enough: (count) => `${count} teamleden zijn klaar. Dat is genoeg voor een teamuitslag.`,
  teamLink: "Bekijk de teamuitslag",
  stop: "Stop de kiosk",
  stopConfirm: "De kiosk stoppen? Wie nu nog bezig is en niet op ‘Klaar’ heeft gedrukt, raakt zijn antwoorden kwijt.",
  stopped: (round) => `De kiosk is gestopt. De codes van teamronde ${round} staan op de teampagina.`,
  failed: "Je antwoorden konden niet worden verwerkt. Ze zijn nog bewaard. Probeer het opnieuw.",
  storageOff: "Let op: deze browser bewaart niets, bijvoorbeeld in een privévenster. Dan gaan de antwoorden van het team verloren. " +
    "Open de scan in een gewoon venster.",
  needsRound: "Geef de teamronde een naam. Kies daarna ‘Start de kiosk op dit apparaat’.",
  startHint: "Kies ‘Start de kiosk op dit apparaat’ om de teamleden om de beurt te laten invullen.",
};

/** "Welke scan past bij mij?" on the scans page (scan-chooser.js). The questions and answers
 *  themselves are read from the decision list on that page (theme/templates/scans-index.md.j2). */
export const CHOOSER = {
  formLabel: "Welke scan past bij mij?",
  result: "Deze scan past bij je antwoorden:",
  start: (title) => `Start de ${title}`,
};

/** The team result file for the overview of all teams (team-file.js). */
export const TEAMFILE = {
  needsLabel: "Vul de naam van het team in. Die naam ziet de organisatie in het overzicht van alle teams.",
  noResult: "Er staat nu geen uitslag op het scherm. Toon eerst de uitslag van de teamronde.",
  making: "Het bestand wordt gemaakt…",
  saved: (label, name) => `Het teamresultaat van ${label} is bewaard als ${name}. Stuur dit bestand naar wie het overzicht van alle teams maakt.`,
  failed: (message) => `${message || "Het bestand kon niet worden gemaakt."} Er is geen bestand bewaard. De codes en de uitslag staan er nog.`,
};

/** The scan page at a glance (issue 15): the wipe that asks first, the engine's start, the result's top. */
export const SCAN15 = {
  cleared: "Je antwoorden zijn gewist.",
  clearKept: "Niets gewist. Je antwoorden staan er nog.",
  // the button and the status region while the engine starts (its stages: engine-protocol.js)
  submitBusy: "Even geduld: de rekenmodule laadt…",
  stages: {
    pyodide: "Nog even geduld: de rekenmodule wordt geladen (stap 1 van 2). Je resultaat komt zo.",
    engine: "Nog even geduld: de rekenmodule wordt klaargezet (stap 2 van 2). Je resultaat komt zo.",
  },
  stageOther: "Nog even geduld: de rekenmodule start. Je resultaat komt zo.",
  slow: "Het laden duurt langer dan normaal. Je resultaatcode staat hieronder al klaar. " +
    "Je uitslag verschijnt vanzelf zodra de rekenmodule klaar is.",
  slowHeading: "Je uitslag komt nog",
  slowExplained: "De rekenmodule laadt langzaam, bijvoorbeeld door een trage verbinding. Je antwoorden zijn bewaard. " +
    "Je resultaatcode hieronder werkt al: geef hem aan de begeleider als je niet wilt wachten.",
  // the top of a result: the profile in one sentence and one first step
  heroHeading: "In het kort",
  heroProfile: (title) => `Je antwoorden passen het best bij ‘${title}’.`,
  heroProfileMaybe: (title) => `Je antwoorden passen mogelijk het best bij ‘${title}’.`,
  heroBetween: (first, second) => `Je antwoorden passen bijna even goed bij ‘${first}’ als bij ‘${second}’.`,
  heroBorderline: "Je zit op de grens tussen twee profielen. Lees hieronder over allebei.",
  heroUncertain: "Uitslag onzeker: lees hieronder waarom.",
  heroNoProfile: "Er is nog te weinig ingevuld om een profiel te kiezen.",
  firstStepHeading: "Je eerste stap",
  firstStepMarker: "eerste stap", // the profile texts' own "**Eerste stap:**" paragraph (assessments/*.yml)
  firstStepOpen: (number) => `Beantwoord eerst de vragen die nog open staan. Begin bij vraag ${number}.`,
  // a team or organisation scan: one person's view, and the code first
  profileHeadingMine: "Jouw beeld",
  codeHeadingTeam: "Geef deze code aan je begeleider",
  printedOn: (date) => `Uitslag van ${date}`,
};

/** Answering on a phone: one question per screen, the jump to the first open question, the scale per dimension (scan-page.js). */
export const SCANPHONE = {
  modeLabel: "Zo zie je de vragen",
  toOne: "Eén vraag per scherm",
  toAll: "Alle vragen onder elkaar",
  previous: "Vorige",
  next: "Volgende",
  step: (number, total) => `Vraag ${number} van ${total}`,
  stepPerspective: "Eerst: jouw plek in de organisatie",
  stepEnd: "Dat waren alle vragen",
  endAll: "Je hebt alle vragen beantwoord. Kies hieronder ‘Bekijk resultaat’.",
  endOpen: (count) => `Er ${count === 1 ? "staat" : "staan"} nog ${count} ${count === 1 ? "vraag" : "vragen"} open. ` +
    "Je kunt nu nog antwoorden, of toch je resultaat bekijken.",
  firstOpen: "Naar de eerste open vraag",
  openCount: (count) => `Nog ${count} ${count === 1 ? "vraag" : "vragen"} open.`,
  submitNothing: (count) => `Je hebt nog geen vragen beantwoord. Er ${count === 1 ? "staat" : "staan"} ${count} ` +
    `${count === 1 ? "vraag" : "vragen"} open. We beginnen bij de eerste.`,
  submitOpen: (count) => `Nog ${count} ${count === 1 ? "vraag" : "vragen"} open. Je resultaat staat hieronder, ` +
    "maar het is minder zeker. Vul de open vragen in voor een beter beeld.",
  // the scale per dimension in the result
  scaleTitle: (title, score, band, ends) => `${title}: ${score} van 100, uitkomst ‘${band}’.` +
    (ends ? ` De schaal loopt van ‘${ends[0]}’ bij 0 tot ‘${ends[1]}’ bij 100.` : ""),
  scaleHere: (score) => `Jij: ${score}`,
  legend: "zo lees je de balken",
  scalesIntro: "Elke balk loopt van 0 tot 100. De grijze vlakken zijn de uitkomsten, van laag naar hoog. " +
    "De streep met het getal is jouw score.",
};

/** The organisation page: many team result files in one picture (organisation-page.js, issue 17). */
export const ORG = {
  engineFailed: "De rekenmodule kon niet starten. Je bestanden zijn bewaard. Probeer het opnieuw.",
  waitingForEngine: "De rekenmodule start. De bestanden worden zo gelezen…",
  storageCorrupt: "Eerder bewaarde teamresultaten waren onleesbaar en zijn genegeerd.",
  keptCount: (n) => `${n} ${n === 1 ? "bestand staat" : "bestanden staan"} bewaard in deze browser.`,
  clearConfirm: "Alle ingelezen teamresultaten van deze scan uit deze browser wissen? De bestanden zelf blijven waar ze staan.",
  cleared: "Alle teamresultaten zijn gewist uit deze browser.",
  fileTooBig: "Dit bestand is groter dan 1 MB. Een teamresultaat is veel kleiner: kies het goede bestand.",
  fileUnreadable: "Dit bestand kon niet worden gelezen. Kies het opnieuw.",
  noJsonInFolder: (n) => `In deze map staat geen teamresultaat (.json). ${n} ${n === 1 ? "ander bestand is" : "andere bestanden zijn"} overgeslagen.`,
  skippedInFolder: (n) => `${n} ${n === 1 ? "bestand" : "bestanden"} in de map ${n === 1 ? "is" : "zijn"} overgeslagen, want ${n === 1 ? "het is" : "ze zijn"} geen .json.`,
  reading: (n) => `${n} ${n === 1 ? "bestand wordt" : "bestanden worden"} gelezen…`,
  checking: (n) => `${n} ${n === 1 ? "bestand wordt" : "bestanden worden"} gecontroleerd…`,
  pasteEmpty: "Plak eerst de tekst van een teamresultaat in het vak.",
  pasteTooBig: "De geplakte tekst is groter dan 1 MB. Lees grote bestanden in met ‘Kies bestanden’.",
  tooMany: (max, kept) => `Dat zijn te veel bestanden: in één beeld passen er hoogstens ${max}` +
    (kept ? `, en ${kept} staan er al.` : ".") + " Er is niets veranderd.",
  noneRead: "Geen enkel bestand kon worden gelezen. Er is niets veranderd.",
  failed: (message) => `De bestanden konden niet worden gelezen: ${message}`,
  counted: (ok, refused) => `${ok} ${ok === 1 ? "bestand" : "bestanden"} ingelezen` +
    (refused ? `, ${refused} geweigerd (zie de lijst).` : "."),
  restored: (n) => `${n} ${n === 1 ? "teamresultaat" : "teamresultaten"} van de vorige keer teruggezet.`,
  keptRefused: (n) => `${n} bewaard${n === 1 ? " bestand wordt" : "e bestanden worden"} niet meer gelezen en ${n === 1 ? "is" : "zijn"} weggelaten.`,
  notKept: "Let op: deze browser bewaart de bestanden niet. Na het sluiten van dit tabblad zijn ze weg.",
  teamsShown: (n) => (n === 1 ? "Het beeld toont 1 team." : `Het beeld toont ${n} teams.`),
  filesHeading: "Gelezen bestanden",
  acceptedList: (n) => `${n} ${n === 1 ? "bestand" : "bestanden"} ingelezen: toon de lijst`,
  okMark: "Ingelezen",
  refusedMark: "Geweigerd",
  fileOk: (label, department, date) => `${label}${department ? ` (${department})` : ""}${date ? `, ${date}` : ""}`,
  reasonFallback: "Dit bestand is geweigerd.",
  emptyText: "Hierin staat geen teamresultaat: de lijst is leeg.",
  reportMeta: (date, teams, members) => `Gemaakt op ${date}. ${teams} ${teams === 1 ? "team" : "teams"}, samen ${members} deelnemers.`,
  summary: (teams, departments, members) => `${teams} ${teams === 1 ? "team" : "teams"}` +
    (departments ? ` uit ${departments} ${departments === 1 ? "afdeling" : "afdelingen"}` : "") +
    `, samen ${members} deelnemers. Van elk team telt de laatste ronde.`,
  noRanking: "Dit beeld is geen ranglijst. De teams staan op afdeling en naam, niet op score. " +
    "Een hoger of lager cijfer zegt waar een team nu staat, niet of het beter of slechter is.",
  heatmapHeading: "Alle teams per onderdeel",
  heatmapIntro: "Elke cel toont het gemiddelde van het team (0 tot 100) en de band waarin dat valt. " +
    "Sorteer met de knoppen boven de kolommen; de teams blijven bij hun afdeling.",
  heatmapCaption: "Gemiddelde per team en per onderdeel, met de band",
  legendScale: "Kleur van de band: van de laagste band (oranje) naar de hoogste (groen).",
  legendAxis: "Blauw: dit onderdeel geeft een plek aan, geen beter of slechter. Donkerder is verder naar het einde van de schaal.",
  columnTeam: "Team",
  columnN: "Deelnemers",
  columnProfile: "Profiel",
  columnDimension: "Onderdeel",
  columnDate: "Datum",
  sortHint: " (sorteren)",
  sorted: (title, direction) => `Gesorteerd op ${title}, ${direction === "ascending" ? "laag naar hoog" : "hoog naar laag"}, binnen elke afdeling.`,
  sortedDefault: "Weer op afdeling en naam.",
  departmentHeading: (name, count) => `${name ?? "Zonder afdeling"} (${count} ${count === 1 ? "team" : "teams"})`,
  departmentMean: (name) => `Gemiddelde ${name ?? "zonder afdeling"}`,
  organisationMean: (teams) => `Hele organisatie (${teams} ${teams === 1 ? "team" : "teams"}, elk team telt even zwaar)`,
  rounds: (n) => `${n} rondes ingelezen`,
  filledFrom: (label) => `Ingevuld vanuit: ${label}`,
  members: (n) => `${n} ${n === 1 ? "deelnemer" : "deelnemers"}`,
  borderline: (title) => `${title} (op de grens)`,
  profilesHeading: "Profielen van de teams",
  profilesIntro: (n) => `Hoeveel van de ${n} ${n === 1 ? "team" : "teams"} elk profiel hebben.`,
  profileColumns: ["Profiel", "Teams", "Verdeling"],
  teamsCount: (n) => `${n} ${n === 1 ? "team" : "teams"}`,
  broadHeading: "Wat speelt breed",
  broadIntro: "Dit komt in veel teams terug. Speelt iets in de hele organisatie, dan ligt het niet aan één team. " +
    "Het gaat dan over hoe de organisatie het werk regelt: bespreek het daar, niet per team.",
  broadNone: (n) => `In deze ${n} ${n === 1 ? "team" : "teams"} speelt geen onderdeel en geen vraag breed.`,
  lowHeading: "Laag in de meeste teams",
  lowText: (low, teams, band) => `In ${low} van de ${teams} teams in de laagste band (‘${band}’). Wat de gids voorstelt:`,
  apartHeading: "Vragen waarop teams verschillen",
  apartIntro: "Bij deze vragen zijn sommige teams het vooral oneens en andere vooral eens. Vraag elkaar wat het verschil maakt.",
  apartText: (low, high, teams, dimension) => `In ${low} van de ${teams} teams vooral oneens, in ${high} vooral eens (onderdeel ${dimension}).`,
  withinHeading: "Vragen die teams van binnen verdelen",
  withinIntro: "Bij deze vragen lopen de antwoorden binnen een team ver uiteen. Dat komt in meer teams voor.",
  withinText: (split, teams, dimension) => `Verdeeld binnen ${split} van de ${teams} teams met cijfers per vraag (onderdeel ${dimension}).`,
  kiteHeading: "De vijf supportlijnen: de vlieger",
  kiteIntro: "Hoe verder een punt naar buiten ligt, hoe sterker die lijn (0 in het midden, 100 aan de rand). " +
    "De tabel onder de figuren toont dezelfde cijfers.",
  kiteVerdict: "Het profiel van de hele organisatie:",
  wholeOrganisation: "Hele organisatie",
  kiteReference: "De stippellijn in de figuur van een afdeling is de hele organisatie.",
  kiteCaption: "Gemiddelde per supportlijn, voor de hele organisatie en per afdeling",
  perspectivesHeading: "Twee kanten naast elkaar",
  perspectivesIntro: "De bedrijfsvoering kijkt naar zichzelf, de teams kijken naar de bedrijfsvoering. " +
    "Waar de cijfers ver uit elkaar liggen, is een gesprek tussen beide kanten nuttig.",
  perspectivesNone: "In de bestanden staat niet vanuit welke kant is ingevuld.",
  perspectivesCaption: "Gemiddelde per onderdeel, per kant",
  perspectiveColumn: (label, teams) => `${label} (${teams} ${teams === 1 ? "team" : "teams"})`,
  trendsHeading: "Ontwikkeling per team",
  trendsIntro: "Van deze teams zijn meer rondes ingelezen. Per ronde het gemiddelde per onderdeel, de oudste bovenaan.",
  reportsHeading: "Rapport en bestanden",
  reportsIntro: "Het rapport past op A4: het beeld, wat breed speelt en wat de gids voorstelt. " +
    "Het actieblad is één blad om samen in te vullen.",
  downloadCsv: "Download als CSV",
  printReport: "Rapport afdrukken",
  printPlan: "Actieblad afdrukken",
  planMeta: (title, date, teams) => `${title}, ${date}, ${teams} ${teams === 1 ? "team" : "teams"}.`,
  planIntro: "Wat we in het overzicht van alle teams zagen, staat links. Vul samen in wat jullie nu doen, wie dat oppakt en wanneer.",
  planCaption: "Wat we zagen en wat we nu doen",
  planColumns: ["Wat we zagen", "Wat we nu doen", "Wie", "Wanneer"],
  planEmpty: "leeg, om in te vullen",
  planLow: (title, low, teams) => `${title}: laag in ${low} van de ${teams} teams`,
  planApart: (text) => `Teams verschillen op: ${text}`,
  planWithin: (text) => `Verdeelt teams van binnen: ${text}`,
  planNext: "Wanneer kijken we opnieuw? ",
  planWho: "Wie zorgt dat het gebeurt? ",
};
