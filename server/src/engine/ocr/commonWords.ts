// A generic list of common Swedish words that contain å, ä or ö, with rough frequencies
// (occurrences per million words of general written Swedish, public-sector register),
// written from general knowledge of the language: frequent function words, verbs (with
// their common forms), nouns and adjectives of administrative prose. It is NOT derived
// from any test or seed document. Used with frequency.ts to choose between dictionary-valid
// repairs ("pagar" → "pågår", not the rarer "pågar") and between a real word and its
// diacritic twin in a text that has lost its å/ä/ö.
//
// Format: groups of "word:frequency" separated by spaces; a bare word takes the group's
// default frequency.
const GROUPS: ReadonlyArray<[number, string]> = [
  // Verbs: infinitive, present, past, supine, passive — the forms that are common.
  [300, 'ställa ställer ställs ställt ställde ställas sätta sätter sätts satte sättas stärka stärker stärks stärkt stärkts stärkas'],
  [300, 'gäller gälla gällde gällt innebär innebära innebar:50 innebörd genomföra genomför genomförs genomfört genomförts genomfördes genomförde genomföras'],
  [200, 'föra förs förde fört föras förbättra förbättrar förbättras förbättring förbättringar förändra förändras förändring förändringar förändrat'],
  [200, 'främja främjar främjas främjat öka ökar ökat ökade ökas ökning ökad ökade ökande möta möter mötte mött mötas möts'],
  [200, 'söka söker sökte sökt sökas söks stödja stöder stödjer stödde stött stötta stöttar stöttas stöttning nå når nådde nått nås'],
  [200, 'höra hör hörde hört höras hörs behöva behöver behövde behövt behövs behövas tillhör tillhöra tillhörande utgör utgöra utgjorde'],
  [200, 'ansvara åta åtar åtagit åtagande åtaganden åtgärd åtgärder åtgärda åtgärdas återkomma återkommer återrapportera återrapporteras återrapportering'],
  [150, 'använda använder används användas använt användning tillämpa tillämpar tillämpas tillämpning tillämpningen överväga överväger övervägs övervägas överväganden'],
  [150, 'förstå förstår förstått förståelse förutsätter förutsättning förutsättningar förutsättningarna föreslå föreslår föreslås föreslagit förslag förslaget förslagen'],
  [150, 'förankra förankras förankrad förankring förbereda förbereder förberedelse förenkla förenklar förhålla förhåller förhållande förhållanden förklara förklarar'],
  [150, 'följa följer följs följas följde följt uppföljning uppföljningen uppföljningar följande fördjupa fördjupar fördela fördelas fördelning fördel fördelar'],
  [150, 'påverka påverkar påverkas påverkan påverkat pågå pågår pågick pågående påbörja påbörjas påbörjat påminna påminner påpeka pekar'],
  [150, 'välja väljer väljs valt vänder vända vänds väntar vänta växa växer växt växande värdera värderar värdering värderingar väcka väcker'],
  [100, 'hålla håller hålls hållas hållit höll lära lär lärt lärande lärare lärdom lärdomar läsa läser läst läsning räkna räknar räknas räkning'],
  [100, 'känna känner känns kände känt kännetecknas kräva kräver krävs krävde krävt skäl skälet bidrar bedöma bedömer bedöms bedömning bedömningar'],
  [100, 'säkerställa säkerställer säkerställs säkra säkrar säker säkert säkerhet säkerheten våga vågar tåla tål dröja ändra ändrar ändras ändring ändringar'],
  [100, 'sträva strävar strävan sträcka sträcker sträckning utsträckning utökade utöka utökar utökas utöva utövar utövas övervaka övervakar övergå övergår'],
  [100, 'åka åker åkte resa reser tävla tävlingar hämta hämtar hänga hänger hända händer hände hänt härröra härrör hävda hävdar'],
  [100, 'marknadsföra marknadsför marknadsförs marknadsföring samordna samordnar samordnas samordning samordnare samverka samverkar medverka medverkar'],
  [100, 'möjliggöra möjliggör möjliggörs redogöra redogör redovisa redovisar redovisas göra görs gjorde gjort göras tillgängliggöra tillgänglighet tillgängliga tillgänglig'],
  // Nouns.
  [300, 'år året åren åren årets års mål målet målen målsättning målsättningar målgrupp målgrupper målgruppen värld världen världens sätt sättet'],
  [200, 'område områden området områdena nämnd nämnden nämnder nämnderna förvaltning förvaltningen förvaltningar förvaltningarna styrelse'],
  [200, 'kommunfullmäktige fullmäktige kommunstyrelsen företag företaget företagen företagare näringsliv näringslivet näringslivets förening föreningar föreningsliv'],
  [150, 'stöd stödet möte mötet möten mötesplats mötesplatser frågor fråga frågan frågorna förmåga förmågan förmågor kunskap behov behovet'],
  [150, 'nätverk nätverket nätverken utbyte utbyten utveckling lösning lösningar lösningen förhandling förhandlingar förändringsarbete åtagande'],
  [150, 'ämne ämnen ämnet ärende ärenden ärendet tjänst tjänster tjänsten tjänsteman tjänstemän tjänstemannen tjänsteperson tjänstepersoner tjänstepersonsnivå'],
  [150, 'nivå nivån nivåer nivåerna län länet länder länderna ländernas land landet landets stad städer städerna städernas kontakt kontakter'],
  [100, 'vänort vänorter vänorten vänortssamarbete vänortssamarbetet vänortsarbete vänskap vänskapsort vänskapsorter vän vänner ort orter orten'],
  [100, 'värde värden värdet värdefull värdefulla värdegrund värdegrunden värdskap värd värdar mervärde mervärden tillväxt tillväxten hälsa hälsan'],
  [100, 'ansökan ansökningar ansökningar bidrag bidraget ändamål ändamålet syfte åsikt åsikter ålder åldrar åtanke återbruk återvinning främlingsfientlighet'],
  [100, 'skärgård jämställdhet jämställd jämställda jämlikhet mångfald mångfalden miljö miljön miljöer miljöfrågor miljömässig klimatförändringar bostäder'],
  [100, 'förening företräda företräder företrädare företrädd företrädesvis förtroende förtroendevalda förtroendevald förtroendeuppdrag förvaltningsövergripande'],
  [100, 'överenskommelse överenskommelser översyn översikt överblick övergripande övrig övriga övrigt överallt överens överlag överföra överföring'],
  [100, 'möjlighet möjligheter möjligheten möjligheterna möjlig möjligt möjliga möjligtvis rörlighet rörligheten rörelse rörelser förmån förmåner'],
  [80, 'gräns gränser gränsen gränsöverskridande gränsregion grön gröna grönt närhet närområde närområdet näring näringar näringsidkare näringsverksamhet'],
  [80, 'skola skolan skolor skolans gymnasieskola gymnasieskolan förskola förskolan förskolor elev elever lärare högskola högskolor högskolan universitet'],
  [80, 'budget budgeten årsredovisning årsredovisningen årsplan verksamhetsplan verksamhetsår kalenderår årlig årligen årliga årlig halvår halvåret'],
  [80, 'förutsättningar förvaltningschef förvaltningschefer kommunchef kommundirektör kommundirektören kommunalråd ordförande ledamot ledamöter'],
  [80, 'invånare invånarna kommuninvånare medborgare medborgarna besökare besöka besöker besök besöket resenärer sökande ungdomar ungdomarna'],
  [60, 'tåg tåget tågen båt båtar färja färjor väg vägar vägen järnväg järnvägen sjö sjön sjöar hav havet ö öar ön kust kusten stränder'],
  [60, 'kultur kulturen kulturliv kulturlivet kulturutbyte föreställning föreställningar förebild förebilder forskning utbildning utbildningar utbilda utbildas'],
  // Adjectives, adverbs, others.
  [300, 'även ändå åter återigen allmän allmänna allmänhet allmänheten nästa nästan närmare närmast närmaste bäst bästa bättre större störst största stora'],
  [200, 'främst främsta främre särskilt särskild särskilda självklart självklar själva själv själva sådan sådant sådana såsom såväl således sålunda'],
  [200, 'tydlig tydliga tydligt tydligare hållbar hållbara hållbart hållbarhet hållbarheten långsiktig långsiktiga långsiktigt kortsiktig lång långt långa längre längst'],
  [150, 'ömsesidig ömsesidiga ömsesidigt öppen öppna öppet öppenhet öka ökade ökat ökande övergripande ytterst yttre inre gemensam gemensamma gemensamt'],
  [150, 'nödvändig nödvändiga nödvändigt nödvändighet väsentlig väsentliga väsentligt värdefullt viktig viktiga viktigt väl välkommen välkomna välkomnande'],
  [100, 'ansvarig ansvariga ansvarar ansvaret ansvar fjärde fjärdedel femte sjätte sjunde åttonde övre tidigare senare senaste kommande följande pågående'],
  [100, 'lämplig lämpliga lämpligt lämna lämnar lämnas lämnat ändamålsenlig ändamålsenliga ändamålsenligt effektiv effektiva effektivt befintlig befintliga'],
  [100, 'både samtliga hälften häften häri härmed härigenom därmed därigenom därefter därtill därutöver därav dessförinnan innan ännu ömsom'],
  [100, 'exempelvis sammanhang sammanhanget sammanställning sammanställningar sammanställa sammanställs inställning inställningen anställd anställda anställning'],
  [80, 'snabb snabbt snabbare rätt rätten rättighet rättigheter mänskliga mänskligt människa människor människors fred fredlig fredligt demokrati'],
  [800, 'första först förste förrän efter'],
  // Common words WITHOUT å/ä/ö that have a diacritic twin in the dictionary: their own
  // frequency keeps them from being "restored" ("andra" is not "ändra", "saker" not "säker").
  [2000, 'andra annan annat alla allt bara man kan han hon samma mot vad vid var vara varje mycket'],
  [500, 'arbete arbeta arbetar dag dagar del delar fall fram hela helt land lag lagar sak saker stad tal tid tider visa visar form gamla goda god ska skall sista'],
  [200, 'stark starkt tala talar vana barn barnen'],
  [80, 'bör böra måste må måtte kunna kunde skulle vill ville får fick fått går gick gått står stod stått gör gjorde gjort sker skedde skett'],
];

export function commonWordFrequencies(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [frequency, list] of GROUPS) {
    for (const entry of list.split(/\s+/u).filter(Boolean)) {
      const [word, f] = entry.split(':');
      const value = f ? Number(f) : frequency;
      out.set(word!, Math.max(out.get(word!) ?? 0, value));
    }
  }
  return out;
}

/** Infinitives among the common words: likelier than a non-verb twin after "att", "ska", "kan" … */
export const COMMON_INFINITIVES: ReadonlySet<string> = new Set(
  (
    'ställa sätta stärka gälla innebära genomföra föra förbättra förändra främja öka möta söka stödja stötta nå höra ' +
    'behöva tillhöra utgöra åta återkomma använda tillämpa överväga förstå föreslå förankra förbereda förenkla förhålla ' +
    'förklara följa fördjupa fördela påverka pågå påbörja påminna välja vända vänta växa värdera väcka hålla lära läsa ' +
    'räkna känna kräva bedöma säkerställa säkra våga tåla ändra sträva sträcka utöka utöva övervaka övergå åka hämta ' +
    'hända hävda marknadsföra samordna möjliggöra redogöra göra lämna besöka stå gå få'
  ).split(' '),
);
