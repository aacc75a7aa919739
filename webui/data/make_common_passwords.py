"""Regenerate common-passwords.txt from well-known password patterns (no download)."""

import itertools
import string
from pathlib import Path

TOP = """123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger
princess joshua cheese amanda summer love ashley 6969 nicole chelsea biteme matthew access yankees
987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret merlin
diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5
patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson
whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy
ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq
purple banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999
ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny
edward 333333 oliver redsox player nikita knight fender barney midnight please brandy chicago
badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper enter rachel chris steven
winner adidas victoria natasha 1q2w3e4r jasmine winter prince marine ghbdtn fishing cocacola casper
james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309
panther lauren angela madison winston shannon mike toyota jordan23 canada sophie apples tiger razz
123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpool david danielle
159357 jackie 1990 123456a 789456 turtle abcd1234 scorpion qazwsxedc 101010 butter carlos
password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork
rainbow nathan john 1992 rocket viking redskins asdfghjkl 1212 sierra peaches gemini doctor wilson
sandra helpme qwertyui victor florida dolphin pookie captain tucker blue bandit dolphins maddog
packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy monica elephant giants
hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert
metallica lucky azerty 7777 alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators
benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989
asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy gordon legend jessie stella qwert
eminem arthur apple nissan bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield
01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344 magic apollo skippy
315475 kitten golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988
qqqqqq brooklyn animal platinum phantom online xavier darkness blink182 power fish green 789456123
voyager police travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007 walter playboy
blazer cricket sniper donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams
nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november
minecraft asdf1234 lasvegas sergey broncos cartman private celtic birdie little cassie babygirl
donald beatles 1313 family 12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer
beer nelson flyers spencer scott lovely gibson doggie cherry andrey snickers buffalo pantera member
carter qwertyu peter alexander steve bronco paradise goober 5555 samuel montana mexico dreams
michigan carolina yankee friends magnum surfer maximus genius cool vampire lacrosse asd123 aaaa
christina kimberly speedy sharon carmen 111222 kristina sammy racing ou812 sabrina horses
0987654321 qwerty1 baby stalker enigma 147147 star poohbear 147258 simple 12345q marcus brian 1987
qweasdzxc drowssap hahaha caroline barbara dave viper drummer action einstein genesis hello1 scotty
friend forest 010203 hotrod google vanessa spitfire badger maryjane friday alaska 1232323q tester
jester jake champion floyd 8888 bridge 1a2b3c4d iloveyou1 princess1 sunshine1 football1 monkey1
charlie1 aa123456 qwe123 zaq12wsx 1qaz2wsx3edc zaq1xsw2 qwerty12 qwertyuiop1 welcome1 admin
administrator root toor changeme default letmein1 master1 login guest user demo support service
raspberry raspberrypi balena aastreli aastreli1 gateway1 plant factory pump motor scada modbus
opcua siemens operator engineer maintenance manager system sysadmin secret1 passpass pass1234
password123 password12 password01 password! p@ssw0rd p@ssword passw0rd1 pa55word pa$$word
iloveu loveyou lovelove 1loveyou mylove baseball1 superman1 trustno1 whatever1 internet1 computer1
chocolate butterfly cheyenne hello123 welcome123 admin123 admin1234 adminadmin root123 test123
test1234 testtest qwertyqwerty asdfasdfasdf zxcvzxcv qazqazqaz abcabcabc abcdabcd abcdefgh
abcdefg1 abcdefghij aaaaaaaa abc12345 a1b2c3d4 a1b2c3d4e5 1a2s3d4f zxcvbnm1 asdfghjkl1 qwertyuio
1q2w3e 1q2w3e4r5t6y q1w2e3r4t5y6 1qa2ws3ed 123qweasd 123qweasdzxc qweasd qweasd123 1qazzaq1
!qaz2wsx !qaz1qaz 1qaz!qaz zaq!2wsx qwer4321 asdf4321 letmein123 iloveyou2 sunshine12
""".split()

SUFFIXES = [
    "",
    "1",
    "12",
    "123",
    "1234",
    "12345",
    "123456",
    "!",
    "1!",
    "123!",
    "01",
    "007",
    "69",
    "99",
    "00",
    "11",
    "13",
    "22",
    "23",
    "77",
    "88",
    "2",
    "3",
    "7",
    "@123",
    "#1",
    "2019",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "2025",
    "2026",
    "1990",
    "1995",
    "2000",
]
SHORT_SUFFIXES = ["", "1", "12", "123", "1234", "!", "01", "2024", "2025"]
LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def walks() -> set[str]:
    out = set()
    rows = [
        "1234567890",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "0987654321",
        "poiuytrewq",
        "lkjhgfdsa",
        "mnbvcxz",
        "qazwsxedcrfvtgbyhnujmikolp",
        "1qaz2wsx3edc4rfv5tgb6yhn",
        "zaq12wsxcde34rfvbgt56yhn",
        "q1w2e3r4t5y6u7i8o9p0",
        "1q2w3e4r5t6y7u8i9o0p",
        "qweasdzxc",
        "147258369",
        "159753456",
        "741852963",
        "963852741",
        "abcdefghijklmnop",
    ]
    for r in rows:
        for n in range(8, len(r) + 1):
            out.add(r[:n])
    for d in string.digits:
        for n in range(8, 13):
            out.add(d * n)
    for c in string.ascii_lowercase:
        out.add(c * 8)
    for a, b in itertools.permutations("0123456789", 2):
        if abs(int(a) - int(b)) == 1:
            out.add((a + b) * 4)
    for y in range(1950, 2031):
        for p in ("0101",):
            out.add(f"{p}{y}")
            out.add(f"{y}{p}")
    return out


def main() -> None:
    words = {w.lower() for w in TOP}
    out = set()
    top = [w.lower() for w in TOP[:150]]
    for w in words:
        for s in SUFFIXES if w in top else SHORT_SUFFIXES:
            cand = w + s
            out.add(cand)
            if w.isalpha() and w in top and s in SHORT_SUFFIXES:
                out.add(cand.translate(LEET))
        if len(w) >= 4:
            out.add(w + w)
    out |= walks()
    kept = sorted(p for p in out if 8 <= len(p) <= 64)
    header = [
        "# Common passwords refused by the Aastreli gateway (compared case-insensitively).",
        "# Built from the well-known top-password lists' patterns (frequent words and names,",
        "# keyboard walks, digit runs, dates, product words) with common suffixes and leet",
        "# variants; only entries of 8 to 64 characters, since shorter ones fail the length",
        "# rule anyway. One password per line; lines starting with '#' are comments.",
    ]
    with open(Path(__file__).with_name("common-passwords.txt"), "w") as f:
        f.write("\n".join(header + kept) + "\n")
    print(len(kept))


main()
