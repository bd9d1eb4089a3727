namespace Switchyard.Cli.Gateway;

/// <summary>
/// Everyday English nouns the miss scenario makes its questions of. Two questions of eight words drawn
/// from these 480 have any word in common one time in eight, so neither cache answers; and, like what
/// tenants send, each word is one token to the tokenizer, where made-up words were its worst case (a
/// byte-pair merge per letter, ten times the cost of the same length of English).
/// </summary>
internal static class CommonWords
{
    private const string Text = """
        account action address advice afternoon agency agent airport alarm album amount animal answer
        apartment apple approval area argument army article artist attempt attention audience author autumn
        baby background balance ball bank basket bath battery beach bear bedroom beer bell bench bicycle
        bill bird birthday blanket boat body bone book border bottle bottom box brain branch bread breakfast
        bridge brother brush bucket budget building bus business butter button cabinet cable cake calendar
        camera campaign candle capital captain car card career carpet castle cat ceiling cell chair chapter
        cheese chicken child church cinema circle city class climate clock cloud coach coast coat coffee
        collection college colour comment community company computer concert condition contract control
        cookie copy corner cottage country county couple course cousin cover crowd culture cup customer
        cycle dance danger data daughter deal debt decision degree delivery dentist department design desk
        detail device diamond dinner director discount disease distance doctor document dog door drawer
        dream dress driver election energy engine engineer entrance error estate evening event exam example
        exercise experience factory family farm father feature fence festival field file film finger fire
        fish flight floor flower focus food football forest fork fortune frame friend fruit fuel furniture
        future game garage garden gate gift girl glass goal gold government grass group guest guide guitar
        hair hall hammer harbour health heart highway history holiday horse hospital hotel hour house
        husband idea image income industry insect instance insurance internet island jacket job journey
        judge juice kettle key kitchen knife ladder lake lamp language laptop lawyer leader lesson letter
        library license light lunch machine magazine manager map market meal meeting member memory menu
        message method minute mirror mistake model moment money month morning mother mountain mouse movie
        museum music nation nature neighbour network newspaper night noise note number nurse object ocean
        office oil onion opinion orange order owner page painting paper parent park party passenger passport
        payment pencil people pepper permit person phone photo piano picture pilot pizza plane planet plant
        plate player pocket poem police policy pool population potato power present president price prince
        printer prison problem product profit program project property pumpkin queen question radio rain
        reason recipe record region report request restaurant result review river road rock roof room route
        rule salad salary sample sandwich school science screen season secret sector security server service
        session shape sheep shelf ship shirt shoe shop signal silver singer sister skill sky snow soap
        society software soldier song sound soup space speaker sport spring square stage station steak
        stomach storage store storm story street student studio sugar summer sunday supermarket surgery
        system table teacher team television temple tennis theatre ticket tiger toast tomato tongue tool
        tooth topic tower town toy traffic train transport tree truck uncle union university user valley
        vegetable vehicle video village visitor voice volume wall wallet warning watch water weather website
        wedding week weekend window wine winter woman wood worker writer yard year
        """;

    /// <summary>The words, each once.</summary>
    public static readonly string[] All = Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
