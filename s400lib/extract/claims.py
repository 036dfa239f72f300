"""Claim units with who asserts them (source), how (modality), and whether they deny (polarity).

A claim unit is a sentence, or one conjunct of a sentence that coordinates two main clauses each with
its own subject ("Washington threatened sanctions, and Ankara refused"): the dependency parse marks
the second clause as a ``conj`` of the root verb, and we cut before its left edge.

Rules, in the order they apply to each unit:

source
    1. the speaker of a row of the quotes table that overlaps the unit (``source_rule='quote'``),
       unless the unit is a clause set against the one before it with an account of its own subject
       ("..., while organisers put the crowd at 20,000": the organisers, ``'contrast'``; such a clause
       is a unit of its own);
    2. the subject of a main verb that puts a figure on something ("organisers put the crowd at
       20,000", "police estimated 240,000 people joined": ``'estimate'``);
    3. a reporting frame in the sentence, "X said that ...", "..., X told reporters", "according to X":
       the subject of a reporting verb outside quotation marks, resolved to a named entity of its
       noun phrase, or for a pronoun to the last PERSON named before (``'reported'``, ``'according_to'``);
    4. a unit inside quotation marks with no frame of its own continues the previous quoted unit of
       the paragraph (``'continued_quote'``);
    5. otherwise the outlet itself asserts it: ``ctx.outlet`` or "the outlet" (``'outlet'``).
modality
    'conditional' when an "if"/"unless" clause hangs on the unit; 'hedged' when a hedge governs it
    (could/may/might, likely/unlikely/possible, apparently/reportedly/allegedly, seem/appear/hope/
    believe/expect, "it is believed"); 'reported' when the source comes from a reporting frame;
    'reported' also for a unit inside an indirect quote of the quotes table; 'asserted' otherwise
    (a direct quote is asserted by its speaker).
polarity
    'negative' when the main content predicate (the complement of a reporting verb, else the root)
    is negated: a "not"/"never"/"n't" on it or its auxiliary, a "no" determiner on its subject or
    object, or an inherited negation ("does not have the right to resell").

Extra columns feed :mod:`s400lib.compare.contradictions`: ``frames`` lists each predicate as
``class:sign:modal:offset:role`` (modal 'possible', 'impossible', 'pledged' (vowed, promised, predicted),
'denied' or empty; role 'v' main verb, 's' subordinate verb, 'n' event noun; a small verb-class lexicon maps 'resell', 're-export', 'transfer' to one class),
``args`` the nouns each predicate governs as ``lemma:sign:offset``, ``patients`` (same form) the
subjects that a passive or intransitive verb happens to ("the spire collapsed"; :mod:`s400lib.compare.align`
reads them as event participants), ``status`` 'settled' / 'pending'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect
import itertools
import re

import pandas as pd

from ..core import schema
from ..core.nlp import opening_dateline
from ..core.schema import column_values
from ..io.paragraphs import boilerplate_rule
from .blame import TRIGGERS as _BLAME_TRIGGERS, blame_of
from .causes import TRIGGERS as _CAUSE_TRIGGERS, cause_of
from .numbers import _COUNT_HEADS, _ESTIMATING, format_number
from .places import place_entries

if TYPE_CHECKING:  # the finish of a streamed parse imports this module without spaCy
    from .context import ArticleContext

# the least share of a claim a partial quote must cover to give the claim its speaker
QUOTE_SHARE_OF_CLAIM = 0.3
SPEECH_VERBS = {
    "say", "tell", "note", "stress", "emphasize", "emphasise", "suggest", "claim", "announce", "report",
    "explain", "recall", "admit", "add", "state", "warn", "argue", "insist", "deny", "confirm", "indicate",
    "declare", "assert", "write", "comment", "quote", "reply", "respond", "answer", "acknowledge", "call",
    "believe", "think", "predict", "estimate", "remark", "mention", "express", "recall", "emphasise",
    # an accusation states its subject's position: "police accused the embassy of hiding him",
    # "the opposition blamed the army"
    "accuse", "allege", "blame",
}
# A rebuttal verb acting on something said is a reporting verb too: "Trump dismissed suggestions that
# ..." and "the minister rejected the accusations" state their subject's position, not the outlet's.
# Acting on anything else ("parliament rejected the bill") it stays an ordinary predicate.
REBUTTAL_VERBS = {"deny", "dismiss", "reject", "dispute", "refute", "rebut", "contest", "contradict"}
# Nouns that stand for what someone said: a rebuttal acting on one answers the claim before it
CLAIM_NOUNS = {
    "suggestion", "claim", "allegation", "accusation", "charge", "criticism", "report", "idea", "notion",
    "assertion", "statement", "assessment", "characterization", "characterisation", "account", "story",
    "speculation", "rumour", "rumor", "view", "finding", "conclusion", "argument", "premise",
    # a figure someone gave: "the ministry denied the figure", "officials disputed the death toll"
    "figure", "toll", "tally", "estimate", "count",
    # what an election body announced: "the opposition rejected the results"
    "result", "outcome",
}
_HEDGE_AUX = {"could", "may", "might"}
# Definite role nouns ("the politician said") refer back to the last person named; media nouns
# ("the newspaper emphasizes") to the last organisation.
_ROLE_NOUNS = {
    "politician", "parliamentarian", "head", "chairman", "chair", "minister", "president", "official",
    "spokesman", "spokeswoman", "spokesperson", "senator", "deputy", "representative", "diplomat",
    "leader", "ambassador", "lawmaker", "general", "commander", "secretary", "director", "officer",
}
_MEDIA_NOUNS = {"newspaper", "publication", "agency", "outlet", "channel", "paper", "magazine", "broadcaster", "site", "website"}
_PLURAL_PRONOUNS = {"they", "them"}
_LABEL_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
_HEDGE_WORDS = {
    "likely", "unlikely", "possible", "possibly", "probably", "perhaps", "apparently", "reportedly",
    "allegedly", "supposedly", "seemingly", "presumably", "maybe", "hypothetical", "hypothetically",
}
_HEDGE_VERBS = {"seem", "appear", "hope", "believe", "expect", "suppose", "guess", "assume", "doubt", "suspect"}
_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "cannot"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
_QUOTE_CHARS = "“”\"«»„"
_QUOTE_MARK = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")

# Verb classes: lemmas that name the same kind of event, so "resell" and "re-export" can conflict.
# Deliberately small and general (VerbNet-like), not tuned to any article.
VERB_CLASSES = {
    "transfer": {"sell", "resell", "export", "reexport", "transfer", "sale", "resale"},
    "acquire": {"buy", "purchase", "acquire", "procure", "acquisition"},
    "abandon": {"abandon", "renounce", "ditch", "scrap", "relinquish", "give_up", "abandonment"},
    "agree": {"agree", "accept", "approve", "consent", "agreement", "acceptance", "approval"},
    "deploy": {"deploy", "deployment", "activate", "commission", "operate"},
    "deliver": {"deliver", "supply", "ship", "delivery", "shipment"},
    "cancel": {"cancel", "suspend", "freeze", "halt", "withhold", "revoke", "cancellation", "suspension", "revocation"},
    "request": {"ask", "urge", "prod", "press", "pressure", "implore", "request", "appeal"},
    "collapse": {"collapse", "fall", "topple", "cave", "crumble"},
    # coming upon something sought: "the wreckage was located / discovered" (and found: see _lemma_of)
    "locate": {"locate", "discover", "spot"},
    "rebuild": {"rebuild", "reconstruct", "restore", "reconstruction", "restoration"},
    # a natural force striking a place: "the quake hit / struck / shook / rocked the region"
    "strike": {"strike", "hit", "shake", "rock", "jolt"},
    "sink": {"sink", "capsize", "overturn", "founder"},
    # a craft coming down: "the jet crashed / went down / plunged into the sea"
    "crash": {"crash", "go_down", "plunge", "plummet", "crash_land"},
    # leaving a post of one's own will: "resign", "quit", "step down", "stand down"
    "resign": {"resign", "quit", "step_down", "stand_down", "step_aside", "resignation"},
    # something coming about, with no one doing it: "the blast occurred / happened / took place"
    "take_place": {"occur", "happen", "take_place", "occurrence"},
    # telling someone below to act: "directed the government to withhold", "ordered his staff to freeze"
    "order": {"order", "direct", "instruct", "command", "instruction"},
    # a figure or a finding set right: "revised the death toll", "issued a correction"
    "revise": {"revise", "amend", "revision", "correction"},
}
_CLASS_OF = {lemma: cls for cls, lemmas in VERB_CLASSES.items() for lemma in lemmas}
# verbs of the classes whose noun names a thing or a body, not the act: "the electoral commission",
# "the press", "the ship sank", "under pressure"
_NOT_EVENT_NOUNS = {"commission", "press", "pressure", "ship", "rock", "cave"}
_SETTLED = {"agree", "sign", "complete", "conclude", "fulfil", "fulfill", "finalize", "finalise", "approve", "seal", "reach"}
_PENDING = {"await", "negotiate", "discuss", "wait", "underway", "pending"}
# verbs of establishing a fact: not confirming one leaves it open ("officials have not confirmed ...")
_CONFIRMING = {"confirm", "verify", "corroborate", "establish"}
# the lemmas :func:`_status` tests: a unit without one of them has no status
_STATUS_LEMMAS = _SETTLED | _PENDING | {"negotiation", "talk", "stage"}
# Nouns of a deal made between parties: making one is the act 'agree' whatever the verb ("reached a
# deal", "struck an accord", "produced an agreement"), and "no agreement yet" leaves that act pending.
AGREEMENT_NOUNS = {"deal", "agreement", "accord", "pact", "settlement", "compromise", "truce", "ceasefire", "treaty"}


def _makes_agreement(words: TokenLists, k: int) -> bool:
    """Whether verb ``k`` acts on a deal: its object ("reached a deal") or passive subject ("a deal
    was struck") is one of AGREEMENT_NOUNS."""
    return any(words.dep[c] in ("dobj", "nsubjpass") and words.lemma[c] in AGREEMENT_NOUNS for c in words.children[k])


# conjunctions that open a clause of something not (yet) real: "unless a deal is signed", "once it is approved"
_UNREAL_MARKS = {"if", "unless", "until", "once", "before", "whether"}


def _not_told_done(words: TokenLists, k: int) -> bool:
    """Whether verb ``k``, past in form, is still not told as done: denied ("denied that a deal had
    been reached"), or in a clause of condition or expectation ("unless a deal is signed")."""
    if any(words.dep[c] == "mark" and words.lower[c] in _UNREAL_MARKS for c in words.children[k]):
        return True
    h = k
    for _ in range(3):  # up through the clauses it is reported in
        if words.dep[h] not in ("ccomp", "xcomp", "conj") or words.head[h] == h:
            return False
        h = words.head[h]
        if words.lemma[h] in REBUTTAL_VERBS:
            return True
    return False


def _no_agreement_yet(words: TokenLists, k: int, i: int, j: int) -> bool:
    """"There is no agreement yet", "no deal has yet been reached": a deal noun under "no" in a
    unit that says "yet"."""
    return (words.lemma[k] in AGREEMENT_NOUNS and words.pos[k] == "NOUN"
            and any(words.lower[c] == "no" for c in words.children[k])
            and any(words.lower[x] == "yet" for x in range(i, j)))
# a verb that can frame a sentence as reported speech or as a rebuttal (see :func:`_frame_source`)
_FRAME_LEMMAS = SPEECH_VERBS | REBUTTAL_VERBS
# parts of speech whose lemmas describe a claim in its ``lemmas`` column
_LEMMA_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
_NEG_ADJ = {"unlikely", "doubtful", "improbable"}
# adjectives that frame another predicate rather than state a property of their own
_MODAL_ADJ = {
    "possible", "impossible", "likely", "unlikely", "able", "unable", "clear", "aware", "sure", "certain",
    "necessary", "important", "ready", "willing", "due", "doubtful", "improbable", "true", "far",
}
_ABILITY_NOUNS = {"right", "ability", "possibility", "opportunity", "chance", "permission", "capacity"}


def predicate_class(lemma: str) -> str:
    """The verb class of a lemma ('resell' -> 'transfer'); the lemma itself when unlisted."""
    low = lemma.lower().replace("-", "")
    if low in _CLASS_OF:
        return _CLASS_OF[low]
    if low.startswith("re") and low[2:] in _CLASS_OF:
        return _CLASS_OF[low[2:]]
    return low


# the classes whose status the closed lexicon sets (agree, sign ... / negotiate, await ...); any other
# act has a status only when told "not yet" done
CLOSED_STATUS_CLASSES = frozenset(predicate_class(x) for x in _SETTLED | _PENDING)


def quoted_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the text between paired quotation marks, paragraph by paragraph (``paragraphs``:
    (start, end) of each).

    Marks are paired in order (1st with 2nd, ...) whatever their shape, so a closing quote typed as an
    opening one ("... military, “he said") still closes the region.
    """
    regions = []
    for p0, p1 in paragraphs:
        marks = [m.start() for m in _QUOTE_MARK.finditer(text, int(p0), int(p1))]
        for a, b in zip(marks[0::2], marks[1::2]):
            regions.append((a + 1, b))
    return regions


def _quoted_share(start: int, end: int, regions: list[tuple[int, int]], starts: list[int]) -> float:
    if end <= start:
        return 0.0
    covered = 0
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    while i < len(regions) and regions[i][0] < end:
        a, b = regions[i]
        covered += max(0, min(b, end) - max(a, start))
        i += 1
    return covered / (end - start)


def _in_regions(offset: int, regions, starts) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and regions[i][0] <= offset < regions[i][1]


# lemmas the small model gets wrong for words the rules look for: "pending" is no form of a verb "pende"
_LEMMA_SLIPS = {"pende": "pending"}


class TokenLists:
    """The token attributes the claim rules test, read once per doc as one plain list each.

    ``tok.pos_`` or ``tok.lemma_`` builds a Token and looks a string up on every read, and the rules
    test every token of every unit several times: that cost more than the rules themselves. The
    rules scan these lists and build Tokens only for the few tokens whose tree they walk.
    Attributes: pos, dep, lower, lemma (lower-cased), is_stop, is_alpha, idx, head (the head's
    index), children (the indices of its dependents), one entry per token.
    """

    def __init__(self, doc):
        import numpy as np
        from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_STOP, LEMMA, LOWER, POS

        self.doc = doc
        if not len(doc):
            self.pos = self.dep = self.lower = self.lemma = self.is_stop = self.is_alpha = self.idx = self.head = self.children = []
            return
        array = doc.to_array([POS, DEP, LEMMA, LOWER, IS_STOP, IS_ALPHA, IDX, HEAD])
        pos, dep, lemma, lower, stop, alpha, idx, _ = array.T.tolist()
        # HEAD is the offset to the head, stored unsigned: read back as signed it gives the head's index
        self.head = (np.arange(len(doc)) + array[:, 7].astype(np.int64)).tolist()
        strings = doc.vocab.strings
        names = {h: strings[h] for h in {*pos, *dep, *lower}}
        lemmas = {h: _LEMMA_SLIPS.get(strings[h].lower(), strings[h].lower()) for h in set(lemma)}
        self.pos, self.dep = list(map(names.__getitem__, pos)), list(map(names.__getitem__, dep))
        self.lower, self.lemma = list(map(names.__getitem__, lower)), list(map(lemmas.__getitem__, lemma))
        self.is_stop, self.is_alpha, self.idx = list(map(bool, stop)), list(map(bool, alpha)), idx
        self.children: list[list[int]] = [[] for _ in self.head]  # in text order, as Token.children
        for k, h in enumerate(self.head):
            if h != k:
                self.children[h].append(k)


# conjunctions that set a clause against the one before it
_CONTRAST_MARKS = {"while", "whereas"}
# verbs by which the subject of such a clause gives its own account, figure or position ("while the
# mayor demanded an end to the police actions": the mayor's, not the sentence's first speaker's)
_ACCOUNT_VERBS = {"say", "claim", "put", "estimate", "count", "report", "insist", "argue", "believe", "number", "place",
                  "tell", "warn", "add", "demand", "call", "urge", "accuse", "condemn", "deny", "reject", "dismiss"}


def _contrast_mark(words: TokenLists, k: int) -> int | None:
    """The index of "while"/"whereas" when token ``k`` is a verb of an adverbial clause that conjunction
    opens and that has a subject of its own, else None."""
    if words.dep[k] != "advcl" or words.pos[k] not in ("VERB", "AUX"):
        return None
    kids = words.children[k]
    marks = [c for c in kids if words.dep[c] == "mark" and words.lower[c] in _CONTRAST_MARKS and c < k]
    if not marks or not any(words.dep[c] in ("nsubj", "nsubjpass") for c in kids):
        return None
    return marks[0]


def _contrast_subject(words: TokenLists, i: int, j: int):
    """The subject of the account a contrasted clause gives ("while organisers put the crowd at 20,000":
    the organisers), when the unit [i, j) opens right after its "while"/"whereas", else None."""
    if i == 0 or words.lower[i - 1] not in _CONTRAST_MARKS:
        return None
    verb = words.head[i - 1]
    if not (i <= verb < j) or words.lemma[verb] not in _ACCOUNT_VERBS:
        return None
    subj = [c for c in words.children[verb] if words.dep[c] == "nsubj"]
    return words.doc[subj[0]] if subj else None


# what a figure is put on: "put the death toll closer to 5,000", "placed the number of dead near 300"
_COUNT_NOUNS = {"toll", "figure", "number", "count", "total", "tally", "crowd", "estimate", "turnout"}
# verbs by which a subject puts a figure on something: "organisers put the crowd at 20,000", "police
# estimated 240,000 people"; the subject, not the outlet, gives that figure. The numbers module's estimating
# verbs, but for "set" and "peg", which a claim's subject uses of other things ("set a record")
_ESTIMATE_VERBS = _ESTIMATING - {"set", "peg"}


def _estimator(words: TokenLists, i: int, j: int):
    """The subject of a unit whose main verb puts a figure on something ("Police, who ..., put the
    peak crowd size at 240,000": the police), else None. "Put" and "place" count only with a figure
    after "at" ("put pressure on" gives none)."""
    k = _unit_root(words, i, j)
    if k is None or words.lemma[k] not in _ESTIMATE_VERBS or words.pos[k] != "VERB":
        return None
    doc = words.doc
    if words.lemma[k] in ("put", "place"):
        # ... or with a count as its object and a figure after it ("put the death toll closer to 5,000")
        figured = any(c.lower_ == "at" and any(t.like_num for t in c.subtree) for c in doc[k].children) \
            or (any(c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS for c in doc[k].children)
                and any(t.like_num and t.i > k for t in doc[k].subtree if i <= t.i < j))
    else:
        figured = any(t.like_num for t in doc[k].subtree if i <= t.i < j)
    subj = [c for c in words.children[k] if words.dep[c] == "nsubj" and i <= c < j]
    return doc[subj[0]] if figured and subj else None


def _clause_units(sent, words: TokenLists) -> list[tuple[int, int]]:
    """Token ranges [i, j) of the claim units of one sentence: cut before each coordinated main clause."""
    root = sent.root
    doc = sent.doc
    cuts = []
    for k in range(sent.start, sent.end):
        if words.dep[k] != "conj" or words.pos[k] not in ("VERB", "AUX"):
            continue
        tok = doc[k]
        if tok.head.i == root.i:
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
                left = tok.left_edge.i
                # the cut drops the joining ", and" / ", but" / ";"
                while left > sent.start and sent.doc[left - 1].dep_ in ("cc", "punct") and sent.doc[left - 1].text not in _QUOTE_CHARS:
                    left -= 1
                if left > sent.start:
                    cuts.append((left, tok.left_edge.i))
    for k in range(sent.start + 1, sent.end - 1):  # a semicolon joins two main clauses too
        if words.lower[k] == ";":
            cuts.append((k, k + 1))
    for k in range(sent.start + 1, sent.end):
        # "Police said 5,000 people marched, while organisers put the crowd at 20,000": a clause set
        # against the one before it, with a subject of its own, is a claim of its own
        mark = _contrast_mark(words, k)
        if mark is not None and mark > sent.start:
            cut = mark
            while cut > sent.start and words.pos[cut - 1] == "PUNCT" and doc[cut - 1].text not in _QUOTE_CHARS:
                cut -= 1
            if cut > sent.start:
                cuts.append((cut, mark + 1))
    cuts.sort()
    units, begin = [], sent.start
    for cut, resume in cuts:
        if cut > begin:
            units.append((begin, cut))
        begin = max(resume, begin)
    if begin < sent.end:
        units.append((begin, sent.end))
    return units


def _neg_local(words: TokenLists, k: int) -> bool:
    """Whether token ``k`` is negated by its own dependents ("not", "never", "no one", "cannot")."""
    dep, lower, kids = words.dep, words.lower, words.children
    for c in kids[k]:
        if dep[c] == "neg" or lower[c] in ("never", "cannot"):
            return True
        if dep[c] in ("aux", "auxpass") and any(dep[g] == "neg" for g in kids[c]):
            return True
        if dep[c] in ("nsubj", "nsubjpass", "dobj", "attr") and any(lower[g] == "no" and dep[g] == "det" for g in kids[c]):
            return True
    return lower[k] in ("cannot", "can't")


def _negated(words: TokenLists, k: int) -> tuple[bool, bool]:
    """(negated, via_ability) for token ``k``: local negation, or inherited through xcomp / an
    object's acl ("does not have the right to resell": 'resell' is denied, as an ability)."""
    if _neg_local(words, k):
        return True, False
    dep, head, lemma, pos, kids = words.dep, words.head, words.lemma, words.pos, words.children
    # "it is unlikely that X", "X is unlikely to be accepted": a negative expectation about X
    if dep[k] == "ccomp" and any(lemma[c] in _NEG_ADJ for c in kids[head[k]]):
        return True, False
    h, via_noun = k, False
    for _ in range(4):
        if lemma[h] in _NEG_ADJ and h != k:
            return True, False
        if dep[h] == "conj" and pos[h] == pos[head[h]] and not any(dep[c] in ("nsubj", "nsubjpass") for c in kids[h]) \
                and any(dep[c] == "cc" and head[h] < c < h for c in kids[head[h]]):
            # "unlikely to be possible and accepted": a conjunct shares its head's scope; one joined by a
            # comma alone is a clause of its own whose subject the parser lost ("Turkey will not abandon
            # the systems, even a discussion ... could complicate relations")
            h = head[h]
            if _neg_local(words, h):
                return True, False
            continue
        if dep[h] in ("xcomp", "acl", "dobj", "attr", "oprd", "acomp") and head[h] != h:
            if dep[h] == "acl" and lemma[head[h]] in _ABILITY_NOUNS:
                via_noun = True
            if dep[h] == "acl" and lemma[head[h]] in _ASSERTION_NOUNS:
                # "have not confirmed reports that hospitals were destroyed": the reports are not
                # confirmed; whether the hospitals were destroyed is left open, not denied
                break
            h = head[h]
            if pos[h] in ("VERB", "AUX") and _neg_local(words, h):
                return True, via_noun
        else:
            break
    return False, False


# verbs of commitment and forecast: what they govern is an intention or a prediction, not an account of
# what happened ("his son had vowed that Mugabe would never resign" says nothing against "Mugabe resigned")
_PLEDGE_VERBS = {"vow", "pledge", "promise", "swear", "threaten", "predict", "forecast"}


def _modal(words: TokenLists, k: int, negated: bool, via_ability: bool) -> str:
    """'possible', 'impossible', 'pledged' (under a verb of commitment or forecast) or '' for the
    predicate token ``k``."""
    dep, head, lemma, lower, kids = words.dep, words.head, words.lemma, words.lower, words.children
    h = k
    for _ in range(4):
        if dep[h] not in ("ccomp", "xcomp", "conj") or head[h] == h:
            break
        h = head[h]
        if lemma[h] in _PLEDGE_VERBS and words.pos[h] == "VERB":
            return "pledged"
    chain = [k]
    h = k
    for _ in range(3):  # "could force them to resell": the modal of 'force' scopes over 'resell'
        if dep[h] in ("xcomp", "acl") and head[h] != h:
            h = head[h]
            chain.append(h)
        else:
            break
    can = any(dep[c] == "aux" and lower[c] in ("can", "could", "ca", "may", "might") for t in chain for c in kids[t])
    able = any(lemma[t] == "able" or (dep[t] == "xcomp" and lemma[head[t]] == "able") for t in chain)
    # copular "X is (im)possible": the subject noun is the predicate
    for t in chain:
        if dep[t] in ("nsubj", "nsubjpass") or (dep[t] == "conj" and dep[head[t]] in ("nsubj", "nsubjpass")):
            cop = head[t] if dep[t] != "conj" else head[head[t]]
            for c in kids[cop]:
                if dep[c] in ("acomp", "attr") and lemma[c] in ("impossible", "unthinkable", "prohibited", "forbidden"):
                    return "impossible"
                if dep[c] in ("acomp", "attr") and lemma[c] == "possible":
                    return "impossible" if _neg_local(words, cop) else "possible"
    if via_ability or (negated and (can or able)):
        return "impossible"
    if lower[k] == "cannot" or any(lower[c] in ("cannot", "unable") for c in kids[k]):
        return "impossible"
    if can or able:
        return "possible"
    return ""


def _predicates(words: TokenLists, i: int, j: int) -> list[int]:
    """Indices of the predicate tokens of the unit [i, j): verbs, event nouns of the verb-class
    lexicon, copular adjectives."""
    out = []
    for k in range(i, j):
        pos, lemma = words.pos[k], words.lemma[k]
        if pos == "VERB" and lemma not in SPEECH_VERBS:
            out.append(k)
        elif pos == "NOUN" and (predicate_class(lemma) != lemma.replace("-", "") or lemma == "export") \
                and lemma not in _NOT_EVENT_NOUNS:
            out.append(k)
        elif pos == "ADJ" and words.dep[k] == "acomp" and lemma not in _MODAL_ADJ and words.doc[k].head.lemma_ == "be":
            out.append(k)  # a copular predicate: "the dam is (not) safe"
    return out


def _lemma_of(words: TokenLists, k: int) -> str:
    lemma, lower = words.lemma, words.lower
    if lemma[k] == "take" and any(words.dep[c] == "dobj" and lower[c] == "place" for c in words.children[k]):
        return "take_place"  # "the summit took place on ...": an event verb, unlike plain "take"
    if k >= 2 and lower[k - 1] == "-" and lower[k - 2] == "re":
        return "re" + lemma[k]  # "re - export" is three tokens: read the hyphenated whole
    if lemma[k] == "find" and not any(words.dep[c] in ("ccomp", "xcomp", "oprd", "acomp") for c in words.children[k]):
        # "the wreckage had been found" comes upon a thing, as "located" does; "the study found that ...",
        # "found him guilty" find a fact, a verb too common in reports to tell one event
        return "locate"
    # a phrasal verb of a listed class is read whole: "step down" is "step_down", not "step"
    # (the parser may tag the particle right after the verb an adverb: "stepped down on Monday")
    phrasal = next((f"{lemma[k]}_{lower[c]}" for c in words.children[k]
                    if words.dep[c] == "prt" or (words.dep[c] == "advmod" and c == k + 1)), None)
    if phrasal is not None and phrasal in _CLASS_OF:
        return phrasal
    return lemma[k]


def _role(words: TokenLists, k: int) -> str:
    """'v' for a verb on the main chain (root, complement, coordinated or controlled verb), 's' for a
    verb in a subordinate or participial clause ("having transferred ..."), 'n' for an event noun."""
    pos, dep, head = words.pos, words.dep, words.head
    if pos[k] == "ADJ":
        k = head[k]  # a copular adjective takes the role of its copula
        if pos[k] not in ("VERB", "AUX"):
            return "n"
    elif pos[k] != "VERB":
        return "n"
    h = k
    for _ in range(6):
        if dep[h] == "ROOT" or head[h] == h:
            return "v"
        if dep[h] not in ("ccomp", "xcomp", "conj", "parataxis"):
            return "s"
        h = head[h]
    return "s"


def _frames(words: TokenLists, i: int, j: int, denied: set[int] = frozenset(),
            untrue: set[int] = frozenset()) -> tuple[list[str], list[str], list[str]]:
    """'class:sign:modal:offset:v|n' per predicate, 'noun:sign:offset' per argument (object) and per
    patient. A predicate in ``denied`` (the clause of a denial verb: "the ministry denied that 300
    people died", see :func:`_denied_clause`) is asserted with the opposite sign: the source says it
    did not happen. So is one in ``untrue`` (the clause of a report the text calls untrue, see
    :func:`_debunked_clauses`), as a plain negation: nobody is said to deny it.

    A patient is the thing a verb without an object happens to: the subject of a passive ("the
    structure has been saved") or of an intransitive verb ("the spire collapsed", with the nouns
    joined to it: "the spire and roof"). Objects and patients are kept apart because a subject of
    an active verb is often an agent, whose opposite-signed mentions are no stance on a question."""
    frames, args, patients = [], [], []
    dep, pos = words.dep, words.pos
    for k in _predicates(words, i, j):
        neg, via = _negated(words, k)
        modal = _modal(words, k, neg, via)
        sign = "-" if neg and modal != "impossible" else "+"
        if modal == "impossible":
            sign = "-"
        if k in denied and modal == "" and not _qualified(words.doc[k]):
            sign, modal = ("+" if sign == "-" else "-"), "denied"
        elif k in untrue and modal == "":
            sign = "+" if sign == "-" else "-"
        cls = predicate_class(_lemma_of(words, k))
        frames.append(f"{cls}:{sign}:{modal}:{words.idx[k]}:{_role(words, k)}")
        kids = words.children[k]
        for c in kids:
            if dep[c] in ("dobj", "attr", "oprd") and pos[c] == "NOUN" and not words.doc[c].ent_type_:
                args.append(f"{words.lemma[c]}:{sign}:{words.idx[c]}")
        if pos[k] != "VERB":
            continue
        transitive = any(dep[c] in _COMPLEMENTS for c in kids)
        for c in kids:
            if dep[c] == "nsubjpass" or (dep[c] == "nsubj" and not transitive):
                for n in (c, *(g for g in words.children[c] if dep[g] == "conj")):
                    if pos[n] == "NOUN" and not words.doc[n].ent_type_:
                        patients.append(f"{words.lemma[n]}:{sign}:{words.idx[n]}")
                    elif pos[n] in ("PROPN", "NUM") and dep[c] == "nsubj" and words.doc[n].ent_type_ not in ("PERSON", "NORP"):
                        # a named thing the act happens to: "EgyptAir Flight 804 crashed", "the Morandi bridge
                        # collapsed" (a person or a people acting on their own is no patient)
                        patients.append(f"{words.lower[n]}:{sign}:{words.idx[n]}")
    return frames, args, patients


# dependents that make a verb's subject its agent rather than the thing it happens to
_COMPLEMENTS = frozenset({"dobj", "attr", "oprd", "ccomp", "xcomp", "dative", "acomp"})


# Verbs that say their clause did not happen: "denied that 300 people died", "denies having met him".
# "reject" and "dismiss" mostly take a call, a plan or a report ("rejected calls to resign"), which
# says nothing of whether the act happened, so they are not among them.
DENIAL_VERBS = {"deny", "refute"}


# nouns whose "that" clause is what they assert: denying "reports that 42 died" denies that 42 died
_ASSERTION_NOUNS = {"report", "claim", "allegation", "suggestion", "accusation", "rumour", "rumor", "assertion",
                    "charge", "speculation", "story", "statement"}


def _denied_clause(verb) -> set[int]:
    """Token indices of the clause a denial verb governs directly ("that ..." or a gerund), or
    through a noun that asserts it ("denied reports that 42 people died"); never the clause of a
    call or a plan ("denied calls to resign": the calls are turned down, nobody resigns)."""
    heads = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "pcomp")]
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in _ASSERTION_NOUNS:
            heads += [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                      and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
    out, todo = set(), heads
    while todo:
        tok = todo.pop()
        out.add(tok.i)
        todo += [c for c in tok.children if c.dep_ in ("conj", "aux", "auxpass", "neg", "ccomp", "xcomp")]
    return out


# a report judged untrue by the words that name it: "a false alarm that the wreckage had been found"
_DEBUNKED_NOUNS = {"alarm", "alert", "report", "claim", "rumour", "rumor", "story", "news", "sighting"}
# words that call a report untrue (also read by compare.rebuttals: "has called Iran's claim “patently false”")
UNTRUE_WORDS = frozenset({"false", "erroneous", "mistaken", "unfounded", "bogus", "fake", "inaccurate", "incorrect", "wrong",
                          "untrue", "baseless", "groundless", "absurd", "ridiculous", "nonsense", "fabricated", "fabrication",
                          "lie", "lies"})


def _debunked_clauses(doc, i: int, j: int) -> set[int]:
    """Token indices of the "that"-clauses of reports the text itself calls untrue ("after a false alarm
    that the wreckage had been found", "false reports that the mayor had resigned"): what they report did
    not happen, as in a denial's clause."""
    out: set[int] = set()
    for noun in doc[i:j]:
        if noun.lemma_.lower() not in _DEBUNKED_NOUNS or not any(a.dep_ == "amod" and a.lower_ in UNTRUE_WORDS for a in noun.children):
            continue
        todo = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
        while todo:
            tok = todo.pop()
            out.add(tok.i)
            todo += [c for c in tok.children if c.dep_ in ("conj", "aux", "auxpass", "neg", "ccomp", "xcomp")]
    return out


# "in a bid to", "in order to", "in return for": a purpose or a price that qualifies an act
_PURPOSE_NOUNS = {"bid", "order", "attempt", "effort", "exchange", "return", "retaliation", "response"}


def _qualified(tok) -> bool:
    """Whether an act comes with a purpose, a role or a manner ("withholding aid as leverage", "...
    in a bid to smear him", "... to punish Kyiv"): a denial of it may deny only that, not the act."""
    for c in tok.children:
        if c.dep_ == "advcl" or (c.dep_ == "prep" and c.lower_ in ("as", "for")):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in _PURPOSE_NOUNS for o in c.children if o.dep_ == "pobj"):
            return True
    return False


def _not_yet(words: TokenLists, verb) -> bool:
    """'not yet reached', 'still not signed', 'has yet to sign': the act is still to come."""
    near = list(verb.children) + ([verb.head] + list(verb.head.children) if verb.dep_ == "xcomp" else [])
    near_words = {t.lower_ for t in near}
    if "yet" in near_words and (verb.dep_ == "xcomp" or _negated(words, verb.i)[0]):
        return True
    return "still" in near_words and _negated(words, verb.i)[0]


def _may_be_pending(words: TokenLists, k: int) -> bool:
    """A cheap test on the plain lists, before a Token is built: can verb ``k`` be "not yet" done
    (a "yet" or "still" near it) or a fact not confirmed?"""
    near = words.children[k]
    if words.dep[k] == "xcomp":
        near = near + [words.head[k]] + words.children[words.head[k]]
    return words.lemma[k] in _CONFIRMING or any(words.lower[c] in ("yet", "still") for c in near)


# the classes of VERB_CLASSES: acts distinct enough that one told as still to come and as done is a dispute
# (compare.contradictions reads them too)
CLASSED_ACTS = frozenset(VERB_CLASSES)
# verbs and nouns whose "to"-clause is an act intended, not done: "intends to revoke", "its intention to revoke"
_INTENDING = {"intend", "plan", "aim", "vow", "pledge", "promise", "threaten", "intention"}
_FUTURE_AUX = {"will", "would", "shall", "'ll"}


def _told_as_to_come(words: TokenLists, k: int) -> bool:
    """Whether verb ``k`` is told as an act still to come: with a future auxiliary ("will step down", "would
    resign") or as the "to"-clause of an intention ("intends to revoke", "its intention to revoke"), not negated."""
    if _negated(words, k)[0]:
        return False
    kids = words.children[k]
    if any(words.dep[c] == "aux" and words.lower[c] in _FUTURE_AUX for c in kids):
        return True
    to = any(words.dep[c] == "aux" and words.lower[c] == "to" for c in kids)
    head = words.head[k]
    return to and words.dep[k] in ("xcomp", "acl") and head != k and words.lemma[head] in _INTENDING


def _status(words: TokenLists, i: int, j: int) -> tuple[str | None, str]:
    """('settled' / 'pending' / None, the '|'-joined predicate classes that set it) for the unit [i, j).

    Agreeing, signing, completing ... are settled when told in the past; negotiating, awaiting ...
    are pending. Any act told as "not yet" done ("has not yet announced", "have yet to reach",
    "has still not been identified") is pending too: the class named beside it lets a reader of two
    claims see whether the other one tells the same act as done (see :func:`_completed`)."""
    settled = pending = False
    classes = []
    pos, lemmas = words.pos, words.lemma
    for k in range(i, j):
        lemma = lemmas[k]
        if _no_agreement_yet(words, k, i, j):
            pending = True
            classes.append("agree")
            continue
        deal = pos[k] == "VERB" and _makes_agreement(words, k)
        if pos[k] == "VERB" and (cls := predicate_class(_lemma_of(words, k))) in CLASSED_ACTS and _told_as_to_come(words, k):
            # "he would step down in three months", "announced its intention to revoke the concession": an
            # act of a listed class still to come, which a claim telling it done contradicts (see _completed)
            pending = True
            classes.append(cls)
            continue
        if lemma not in _STATUS_LEMMAS and not deal and (pos[k] != "VERB" or not _may_be_pending(words, k)):
            continue  # every test below needs a status lemma, a deal made, or a verb with "yet", "still" or "confirm"
        tok = words.doc[k]
        if tok.pos_ == "VERB" and (_not_yet(words, tok) or (lemma in _CONFIRMING and _negated(words, k)[0])):
            # "have not yet reached", "has yet to sign", "have not confirmed": a stage, not a denial
            pending = True
            classes.append(predicate_class(lemma))
            if deal:
                classes.append("agree")
            continue
        if deal and tok.tag_ in ("VBD", "VBN") and not _negated(words, k)[0] and not _not_told_done(words, k):
            settled = True  # "struck a deal", "a pact was sealed"
            classes += [predicate_class(lemma), "agree"]
            continue
        if lemma not in _STATUS_LEMMAS:
            continue
        if tok.pos_ == "VERB" and lemma in _SETTLED and tok.tag_ in ("VBD", "VBN") and not _negated(words, k)[0] \
                and not _not_told_done(words, k):
            settled = True
            classes.append(predicate_class(lemma))
            if deal:
                classes.append("agree")
        if lemma in _PENDING and (tok.pos_ in ("VERB", "ADJ", "ADV") or tok.tag_ == "VBG") and not _negated(words, k)[0]:
            pending = True
            classes.append(predicate_class(lemma))
        if lemma in ("negotiation", "talk") and tok.head.lemma_.lower() in ("be", "continue"):
            pending = True
        if lemma == "stage" and any(c.lemma_.lower() == "advanced" for c in tok.children):
            pending = True
    joined = "|".join(dict.fromkeys(classes))
    if settled and not pending:
        return "settled", joined
    if pending and not settled:
        return "pending", joined
    return None, ""


# auxiliaries that put an act in the future, in a condition or in the realm of the possible
_UNREAL_AUX = {"will", "would", "could", "can", "ca", "may", "might", "should", "must", "shall", "'ll", "wo"}


def _completed(words: TokenLists, i: int, j: int, headline: bool = False) -> str:
    """The '|'-joined predicate classes of the acts the unit [i, j) tells as done: affirmed verbs in
    the simple past or the perfect ("reached", "has announced", "was identified"), with no modal or
    future auxiliary, and in a ``headline`` the main verb in the simple present, which headlines use
    for what has happened ("Government revokes motorway contract", "Mugabe resigns"). A pending claim
    on one of these classes conflicts in status with this one."""
    done = []
    for k in range(i, j):
        if words.pos[k] != "VERB":
            continue  # checked on the plain list: a Token is built for verbs only
        tok = words.doc[k]
        if tok.tag_ not in ("VBD", "VBN") and not (headline and tok.tag_ == "VBZ" and tok.dep_ == "ROOT"):
            continue
        kids = list(tok.children)
        if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in kids):
            continue  # a bare participle ("the flooded homes") is a description, not a report of an act
        if any(c.dep_ == "aux" and c.lower_ in _UNREAL_AUX for c in kids) or _negated(words, k)[0] or _not_told_done(words, k):
            continue
        done.append(predicate_class(_lemma_of(words, k)))
        if _makes_agreement(words, k):
            done.append("agree")
    return "|".join(dict.fromkeys(done))


def _unit_root(words: TokenLists, i: int, j: int) -> int | None:
    """The first token of the unit [i, j) whose head lies outside it (or is itself): the unit's root."""
    return next((k for k in range(i, j) if not i <= words.head[k] < j or words.head[k] == k), None)


def _content_head(words: TokenLists, i: int, j: int):
    """The main content predicate of the unit [i, j): the complement of a reporting verb, else its root."""
    k = _unit_root(words, i, j)
    if k is None:
        return None
    head = words.doc[k]
    if head.lemma_.lower() in SPEECH_VERBS:
        for c in head.children:
            if c.dep_ in ("ccomp", "xcomp") and i <= c.i < j:
                return c
    return head


_WIN_DECLARERS = {"declare", "name", "proclaim", "announce", "confirm"}
_WIN_LEMMAS = {"win", "winner", "victory", "declare"}
# offices a body declares someone elected to: "declared Mnangagwa (as) president"
_ELECTED_OFFICES = {"president", "winner", "mayor", "governor", "premier", "chancellor", "leader", "prime"}


# what a candidate wins a share of, not the contest: "won 51 percent", "won a third of the seats"
_SHARE_NOUNS = {"percent", "%", "votes", "seat", "seats", "share", "point", "points", "third", "half", "quarter", "fifth"}


def _winner(words: TokenLists, toks) -> str | None:
    """Who the claim says won: "Kabila won the election", "the commission declared Kabila the
    winner", "Kabila was declared the winner", "Kabila is the winner", "Kabila's victory"; the proper
    nouns of that name, or None. Two sources naming different winners of one contest disagree."""
    def name_of(tok) -> str | None:
        # the name itself, not what hangs on it: "declared Marco Rivas the winner of Sunday's vote"
        # parses "winner of Sunday's vote" as an apposition of "Rivas"
        if tok.lower_ in ("he", "she", "his", "her"):
            # "Ferrer's campaign said she had won": the person the sentence named before the pronoun
            named = [t for t in tok.sent if t.i < tok.i and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
            # "Chamisa's declaration of his victory": the owner the sentence opens with, however tagged
            named = named or [t for t in tok.sent if t.i < tok.i and t.dep_ == "poss" and t.pos_ == "PROPN"
                              and t.ent_type_ not in ("GPE", "NORP", "LOC")]
            if not named:
                return None
            tok = named[-1]
        parts = [t for t in tok.subtree if t.pos_ == "PROPN" and t.text[:1].isupper()
                 and all(a.dep_ not in ("appos", "prep", "relcl", "acl")
                         for a in itertools.takewhile(lambda a: a.i != tok.i, (t, *t.ancestors)))]
        return " ".join(t.text for t in parts) if parts else None

    for tok in toks:
        lemma = tok.lemma_.lower()
        if lemma == "win" and tok.pos_ == "VERB" and not _negated(words, tok.i)[0]:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            won = [c for c in tok.children if c.dep_ == "dobj"]
            # "Rivas won 51 percent", "won 120 seats": a share of the vote, not the contest
            share = any(c.like_num or c.lower_ in _SHARE_NOUNS or any(g.dep_ == "nummod" for g in c.children) for c in won)
            if subj and won and not share:
                return name_of(subj[0])
        if lemma in _WIN_DECLARERS and tok.pos_ == "VERB" and not _negated(words, tok.i)[0]:
            # "the commission declared Mnangagwa (as) president", "declared X, a duly elected president"
            declared = [c for c in tok.children if c.dep_ == "dobj"]
            offices = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "attr")]
            offices += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
            offices += [c for d in declared for c in d.children if c.dep_ == "appos"]
            if declared and any(o.lemma_.lower() in _ELECTED_OFFICES or any(w.lemma_.lower() in _ELECTED_OFFICES for w in o.subtree)
                                for o in offices):
                return name_of(declared[0])
        if lemma == "victory" and tok.pos_ == "NOUN" and not _negated(words, tok.head.i)[0]:
            # "Chamisa's declaration of his victory", "Delgado's victory": whose victory it is
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if owners:
                return name_of(owners[0])
        if lemma == "winner" and tok.pos_ == "NOUN":
            head = tok.head
            if tok.dep_ == "appos" and head.dep_ == "dobj" and head.head.lemma_.lower() in _WIN_DECLARERS and not _negated(words, head.head.i)[0]:
                return name_of(head)  # "declared Joseph Kabila the winner", parsed as an apposition
            if tok.dep_ in ("oprd", "xcomp", "attr", "dobj") and head.lemma_.lower() in _WIN_DECLARERS | {"be"}:
                # the declared one ("declared Delgado the winner", "Delgado was declared the winner"),
                # or the subject of "is the winner"; never the body that declares
                roles = ("nsubj",) if head.lemma_.lower() == "be" else ("dobj", "nsubjpass")
                held = [c for c in head.children if c.dep_ in roles and c.i != tok.i]
                if held and not _negated(words, head.i)[0]:
                    return name_of(held[0])
    return None


# Prepositions that place what a claim counts: "40 people died in Kasai", "the vote at the port".
_PLACE_PREPS = {"in", "at"}
# Dependents that qualify a subject rather than name it: "the Kuala Lumpur-bound flight", "the flight
# from Amsterdam", "the party, which Smith founded", "the ministry's spokesman in Lagos"
_QUALIFYING_DEPS = {"prep", "amod", "acl", "relcl", "appos", "npadvmod"}
# subjects that are an attribute of what they are of or in ("the turnout in the referendum", "the toll
# of the floods"): the qualifying names are their owner
_ATTRIBUTE_NOUNS = _COUNT_HEADS | {"turnout", "share", "majority", "result", "results"}


def _owners(words: TokenLists, head, i: int, j: int) -> list[str]:
    """Whose or where the claim's figures are, as 'slot:Name' pairs: the named subject of the content
    predicate ('subj:Green Party' in "The Green Party won 31 percent") and the named places it or its
    object is in ('in:Kasai' in "The floods killed 40 people in the province of Kasai"). A subject
    that holds the figure itself ("300 people died") owns nothing. Names are the proper nouns of the
    phrase, so they do not depend on how the model labelled them."""
    if head is None:
        return []

    def named(tok, own_words_only: bool = False) -> str:
        words = [t for t in tok.subtree if i <= t.i < j]
        if any(t.like_num or t.pos_ == "NUM" for t in words):
            return ""
        if own_words_only and tok.lower_ in _ATTRIBUTE_NOUNS:
            # "Turnout in the Varna referendum was 64.2%": an attribute's owner is what it is of or in
            words = [t for t in words if t.i != tok.i]
        elif own_words_only:
            # a subject's name is its own words, not the names that qualify it: "the Kuala Lumpur-bound
            # flight MH17 from Amsterdam" is no flight of Kuala Lumpur or Amsterdam (where it was is
            # told by the "in" slot below)
            qualifiers = [t for t in tok.subtree if t.dep_ in _QUALIFYING_DEPS and t.i != tok.i]
            left_out = {w.i for q in qualifiers for w in q.subtree}
            words = [t for t in words if t.i not in left_out]
        # a month is no owner ("rose 5 percent in July")
        return " ".join(t.text for t in words if t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME"))

    dep, kids, doc = words.dep, words.children, words.doc
    out = []
    # the subject of a verb that puts a figure on something or finds it ("Another study put the toll
    # closer to 5,000", "a study by the institute found 2,975 deaths") is who gives the figure, not whose it is
    gives_figure = words.lemma[head.i] in _ACCOUNT_VERBS | {"find", "show"}
    for c in [] if gives_figure else kids[head.i]:
        if dep[c] in ("nsubj", "nsubjpass") and (name := named(doc[c], own_words_only=True)):
            out.append(f"subj:{name}")
    # "96 percent of ballots there were for remain": a "there" beside a subject of its own is a place
    # named before, not the "there" of "there were"
    for k in range(i, j):
        if words.lower[k] == "there" and (dep[k] == "advmod" or dep[k] == "expl" and any(
                dep[c] in ("nsubj", "nsubjpass") for c in kids[words.head[k]])):
            out.append("in:there")
    holders = [head.i] + [c for c in kids[head.i] if dep[c] in ("dobj", "attr", "nsubjpass", "nsubj")]
    for holder in holders:
        for prep in kids[holder]:
            if dep[prep] == "prep" and words.lower[prep] in _PLACE_PREPS:
                for obj in kids[prep]:
                    if dep[obj] == "pobj" and (name := named(doc[obj])):
                        out.append(f"in:{name}")
    return list(dict.fromkeys(out))


def _hedged(words: TokenLists, i: int, j: int, head, frame_tok) -> bool:
    for k in range(i, j):
        if frame_tok is not None and k == frame_tok.i:
            continue
        if words.lower[k] in _HEDGE_WORDS:
            return True
        if words.lemma[k] in _HEDGE_VERBS and words.pos[k] == "VERB":
            return True
    for k in range(i, j):
        if words.dep[k] != "aux" or words.lower[k] not in _HEDGE_AUX:
            continue
        tok = words.doc[k]
        # a modal on the main chain, or in the clause a main-clause noun introduces ("signs that X could ...")
        if not any(g.dep_ == "neg" for g in tok.children):
            verb = tok.head
            if (head is not None and verb.i == head.i) or _role(words, verb.i) == "v" or (
                verb.dep_ in ("acl", "ccomp") and verb.head.dep_ in ("attr", "dobj", "nsubj")
            ):
                return True
    return False


def _conditional(words: TokenLists, i: int, j: int, head) -> bool:
    """An "if"/"unless" clause on the content head (or, for "it is clear that ...", on its complement)."""
    if head is None:
        return False
    targets = {head.i}
    if words.lemma[head.i] == "be":
        targets |= {c for c in words.children[head.i] if words.dep[c] == "ccomp"}
    for k in range(i, j):
        if words.dep[k] == "mark" and words.lower[k] in ("if", "unless"):
            t = words.doc[k]
            if t.head.dep_ == "advcl" and t.head.head.i in targets:
                return True
    return False


class _Speakers:
    """Resolve the subject of a reporting frame to a name, using the article's entities."""

    def __init__(self, entities: pd.DataFrame | list[dict], quotes: pd.DataFrame | list[dict] | None = None):
        """``entities`` and ``quotes``: this article's rows, as frames or as lists of row dicts."""
        self.mention_speaker: dict[int, str] = {}
        if quotes is not None and len(quotes):
            for start, speaker in zip(column_values(quotes, "speaker_start"), column_values(quotes, "speaker")):
                if isinstance(speaker, str) and speaker and not pd.isna(start):
                    self.mention_speaker[int(start)] = speaker
        canonical = column_values(entities, "canonical")
        # Plain lists sorted by start (stable): this runs for every article.
        named = sorted((
            (int(start), int(end), label, c if isinstance(c, str) else t)
            for start, end, label, c, t in zip(
                column_values(entities, "start"), column_values(entities, "end"), column_values(entities, "label"), canonical,
                column_values(entities, "text")
            )
            if label in _NAMED
        ), key=lambda e: e[0]) if len(entities) else []
        self.starts = [r[0] for r in named]
        self.ends = [r[1] for r in named]
        self.labels = [r[2] for r in named]
        self.names = [r[3] for r in named]
        # a name with a digit is a model ("S-400 Triumph" tagged PERSON), not someone who speaks
        persons = [k for k, lab in enumerate(self.labels) if lab == "PERSON" and not any(ch.isdigit() for ch in self.names[k])]
        self.person_starts = [self.starts[k] for k in persons]
        self.person_names = [self.names[k] for k in persons]

    def in_span(self, start: int, end: int) -> tuple[str, str] | None:
        """(name, label) of the best-ranked entity inside [start, end): PERSON > ORG > GPE > NORP."""
        k = bisect.bisect_left(self.starts, start)
        best = None
        while k < len(self.starts) and self.starts[k] < end:
            lab = self.labels[k]
            if self.ends[k] <= end and lab in _LABEL_RANK and (best is None or _LABEL_RANK[lab] < _LABEL_RANK[best[1]]):
                best = (self.names[k], lab)
            k += 1
        return best

    def last_before(self, offset: int, label: str) -> str | None:
        if label == "PERSON":
            k = bisect.bisect_left(self.person_starts, offset) - 1
            return self.person_names[k] if k >= 0 else None
        k = bisect.bisect_left(self.starts, offset) - 1
        while k >= 0:
            if self.labels[k] == label:
                return self.names[k]
            k -= 1
        return None

    def resolve(self, subj, previous: str | None = None) -> str:
        """A name for the subject of a reporting verb (see the module docstring)."""
        span = subj.doc[subj.left_edge.i : subj.right_edge.i + 1]
        low = subj.lower_
        if subj.pos_ == "PRON":
            if low in _PLURAL_PRONOUNS:
                return previous or subj.text
            return self.last_before(subj.idx, "PERSON") or subj.text
        found = self.in_span(span.start_char, span.end_char)
        if found and found[1] != "NORP":
            return found[0]
        if found is None and any(c.lower_ == "the" for c in subj.children):
            lemma = subj.lemma_.lower()
            if lemma in _ROLE_NOUNS:
                return self.last_before(subj.idx, "PERSON") or span.text
            if lemma in _MEDIA_NOUNS:
                named = [c for c in subj.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.text[:1].isupper()
                         and c.ent_type_ not in ("NORP", "GPE", "LOC")]
                if named:  # "the pro-opposition Step news agency": the medium the phrase names
                    return subj.doc[min(c.left_edge.i for c in named) : subj.i + 1].text
                return self.last_before(subj.idx, "ORG") or span.text
        # "Russian parliamentarians": the noun phrase names the group, up to a clause that describes
        # it ("Police, who historically give lower figures, put ..." are the police)
        end = subj.i
        for right in subj.rights:
            if right.dep_ in _DESCRIBING_DEPS:
                break
            end = right.right_edge.i
        return subj.doc[subj.left_edge.i : end + 1].text


# dependents after a subject's head that describe it rather than name it
_DESCRIBING_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}


def _rebuts_a_claim(tok) -> bool:
    """A rebuttal verb whose object names something said ("rejected the accusations")."""
    return tok.lemma_.lower() in REBUTTAL_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in tok.children)


def _main_chain(tok) -> bool:
    """True when ``tok`` is the root or hangs on it through ccomp / parataxis / conj only."""
    for _ in range(6):
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return True
        if tok.dep_ not in ("ccomp", "parataxis", "conj"):
            return False
        tok = tok.head
    return False


def _frame_source(doc, sent, regions, rstarts, speakers: _Speakers, previous: str | None, words: TokenLists, loose: bool = False):
    """(source, rule, reporting token) from a reporting frame of the sentence, else (None, None, None).

    The reporting verb must be on the main chain of the sentence (so "since the government has
    confirmed" does not frame it) and outside quotation marks; the deepest such verb wins ("We
    reported that X said that ..." -> X). ``loose`` accepts a frame with no complement of its own,
    for a sentence that closes a quotation opened in an earlier sentence ("..., the channel indicates").
    """
    for k in range(sent.start, sent.end - 1):
        if words.lower[k] == "according" and words.lower[k + 1] == "to" and not _in_regions(words.idx[k], regions, rstarts):
            objs = [c for c in doc[k + 1].children if c.dep_ == "pobj"]
            if objs:
                return speakers.resolve(objs[0], previous), "according_to", doc[k]
    best, best_depth = None, -1
    quotes_inside = None  # whether any of the sentence is quoted: asked at most once
    for k in range(sent.start, sent.end):
        if words.pos[k] != "VERB" or words.lemma[k] not in _FRAME_LEMMAS or _in_regions(words.idx[k], regions, rstarts):
            continue
        tok = doc[k]
        if words.lemma[k] not in SPEECH_VERBS and not _rebuts_a_claim(tok):
            continue
        if not _main_chain(tok):
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.lemma_.lower() == "quote":  # "TASS quoted him as saying": the quoted one speaks
            subj = [c for c in tok.children if c.dep_ == "dobj"] or subj
        # "called the proposal trolling": an object predicate (oprd) is what was said too
        has_content = loose or any(c.dep_ in ("ccomp", "xcomp", "dobj", "oprd") for c in tok.children)
        if not has_content:
            if quotes_inside is None:
                quotes_inside = any(_in_regions(words.idx[n], regions, rstarts) for n in range(sent.start, sent.end))
            has_content = quotes_inside
        if subj and has_content and subj[0].lower_ not in ("i", "we", "it", "you"):
            depth = sum(1 for _ in tok.ancestors)
            if depth > best_depth:
                best, best_depth = (subj[0], tok), depth
    if best is not None:
        # the quote extractor has already resolved this mention ("TASS quoted him": him = the person
        # the quotes table names); one answer for one mention, whichever table is read
        known = speakers.mention_speaker.get(best[0].idx)
        return (known if known else speakers.resolve(best[0], previous)), "reported", best[1]
    return None, None, None


def outlet_name(outlet, article_id=None) -> str:
    """The name under which an article asserts its own claims: the outlet without its parenthesised
    notes, or "the outlet" (with the article id, when known) for a missing or 'unknown' outlet."""
    name = outlet.split(" (")[0].strip() if isinstance(outlet, str) else ""
    if not name or name.lower() in ("unknown", "n/a", "none"):
        return f"the outlet of {article_id}" if article_id and article_id != "text" else "the outlet"
    return name


def claim_table(ctx: ArticleContext, entities=None, quotes=None, timexes=None, numbers=None) -> pd.DataFrame:
    """Claim units of one article with source, modality, polarity and links to the other tables.

    Parameters
    ----------
    ctx
        The parsed article.
    entities, quotes, timexes, numbers
        This article's tables (any may be None or empty; links are then left empty).

    Returns
    -------
    pandas.DataFrame
        The ``claims`` table: article_id, claim_id ('<article_id>:c<n>'), sent_id, start, end, text,
        source, modality, polarity, quote_id, entities (canonical names, '|'-joined), numbers
        ('value unit', '|'-joined), times (TIMEX3 values, '|'-joined); extra columns source_rule,
        quoted (share of the unit inside quotation marks >= 0.5), frames ('class:sign:modal:offset:v|n' per
        predicate), args ('noun:sign:offset' per predicate argument), status ('settled'/'pending'/<NA>),
        status_of (the predicate classes that set the status, '|'-joined), completed (classes of the acts
        told as done: affirmed past or perfect verbs, '|'-joined),
        lemmas (content lemmas, space-joined), owners (whose or where its figures are: 'subj:Name' for
        the named subject of the content predicate, 'in:Name' for a named place it happens in,
        '|'-joined), places (whose airspace, territory or waters it puts something in: 'owner:noun:sign:offset'
        per place, '|'-joined; see :mod:`s400lib.extract.places`), winner (who the claim says won a
        contest, or <NA>), blame ('blames|party|event' or 'denies|party|event': who the claim holds
        responsible for what, or denies is; see :mod:`s400lib.extract.blame`; <NA> otherwise), cause
        ('victim|cause': what the claim says killed someone, "died of a heart attack"; see
        :mod:`s400lib.extract.causes`; <NA> otherwise).

    Examples
    --------
    >>> from s400lib.pipeline.parse import context_for_text
    >>> claim_table(context_for_text("Turkey will not sell the systems."))[["source", "polarity"]].values.tolist()
    [['the outlet', 'negative']]
    """
    return schema.conform("claims", claim_rows(ctx, entities, quotes, timexes, numbers), extra_dtypes=EXTRA_DTYPES)


def claim_rows(ctx: ArticleContext, entities=None, quotes=None, timexes=None, numbers=None) -> list[dict]:
    """The rows of :func:`claim_table`, as dicts (the parse types the rows of many articles at once).
    The other tables may be given as frames or as lists of row dicts."""
    doc, text = ctx.doc, ctx.text
    outlet = outlet_name(ctx.outlet, ctx.article_id)
    speakers = _Speakers(entities if entities is not None else [], quotes)
    regions = quoted_regions(text, ctx.paragraph_bounds())
    rstarts = [a for a, _ in regions]
    qrows = []
    if quotes is not None and len(quotes):
        qrows = sorted((
            (int(q0), int(q1), qid, speaker if isinstance(speaker, str) else None, kind)
            for q0, q1, qid, speaker, kind in zip(*(column_values(quotes, c) for c in ("start", "end", "quote_id", "speaker", "kind")))
            if kind != "scare"
        ), key=lambda q: q[0])
    rows = []
    prev_quoted = {}  # para_id -> source of the last quoted unit
    para_of = ctx.para_of_sentence()
    # the headline's paragraphs: its verbs in the simple present tell what happened ("Mugabe resigns")
    title_paras = {int(p) for p, kind in zip(column_values(ctx.paragraphs, "para_id"), column_values(ctx.paragraphs, "kind"))
                   if kind == "title"}
    sents = ctx.analysable_sents()
    frames_of: dict[int, tuple] = {}
    previous = None
    words = TokenLists(doc)
    for sent_id, sent in sents:
        frames_of[sent_id] = _frame_source(doc, sent, regions, rstarts, speakers, previous, words)
        if frames_of[sent_id][0] is not None:
            previous = frames_of[sent_id][0]
    for sent_id, sent in sents:
        fsource, frule, ftok = frames_of[sent_id]
        for i, j in _clause_units(sent, words):
            while j > i and doc[j - 1].is_space:
                j -= 1
            if j <= i:
                continue
            start, end = words.idx[i], words.idx[j - 1] + len(doc[j - 1])
            if not any(ch.isalnum() for ch in text[start:end]):
                continue
            if text[start] == "(" and text[end - 1] == ")" and boilerplate_rule(text[start:end]) is not None:
                continue  # a picture's credit at the end of its caption, "(Photo: PTI)", states nothing
            if (dateline := opening_dateline(text, start)) is not None and dateline >= end:
                continue  # "MOSCOW, (BM) –" opening the story says where it was filed, nothing more
            share = _quoted_share(start, end, regions, rstarts)
            quoted = share >= 0.5
            source, rule, quote_id = None, None, None
            quote_kind = None
            for q0, q1, qid, qspeaker, qkind in qrows:
                if q0 >= end:
                    break
                overlap = min(q1, end) - max(q0, start)
                # a few words quoted in part inside a sentence ("which has denied the accusation as
                # “unacceptable”") are not what the sentence says: such a quote gives the sentence its source
                # only when it covers a good part of it (reported speech gives it however short)
                partial_only = qkind == "partial" and overlap < QUOTE_SHARE_OF_CLAIM * (end - start)
                if overlap > 0 and overlap >= 0.5 * min(end - start, q1 - q0) and not partial_only:
                    quote_id, quote_kind = qid, qkind
                    if isinstance(qspeaker, str) and qspeaker:
                        source, rule = qspeaker, "quote"
                    break
            # (the reported clause of the sentence's speaker often takes in the contrasted clause, which
            # is the other party's account: "Police said ... joined the protest, while organisers put ...")
            contrasted = _contrast_subject(words, i, j) if source is None or quote_kind == "indirect" else None
            if contrasted is not None:
                source, rule = speakers.resolve(contrasted, previous), "contrast"
            estimator = _estimator(words, i, j) if source is None else None
            if estimator is not None:
                source, rule = speakers.resolve(estimator, previous), "estimate"
            if source is None and fsource is not None and ftok is not None and not i <= ftok.i < j and ";" in text[ftok.idx:start]:
                # "Iran claimed it rescued the crews; the U.S. has called Iran's claim false": a clause past a
                # semicolon with a frame of its own is that frame's, not the sentence's first speaker's
                own = _frame_source(doc, doc[i:j], regions, rstarts, speakers, previous, words)
                if own[0] is not None and own[2] is not None and i <= own[2].i < j:
                    source, rule = own[0], own[1]
            if source is None and fsource is not None:
                source, rule = fsource, frule
            para = para_of.get(sent_id)
            if source is None and quoted:
                # a quotation that runs on into a later sentence: its frame is where it closes
                k = bisect.bisect_right(rstarts, start + 1) - 1
                close_sent = ctx.sent_id_at(regions[k][1]) if k >= 0 else None
                if close_sent is not None and close_sent != sent_id and para_of.get(close_sent) == para:
                    fs = frames_of.get(close_sent, (None,))[0]
                    if fs is None:
                        close = dict(sents).get(close_sent)
                        fs = _frame_source(doc, close, regions, rstarts, speakers, None, words, loose=True)[0] if close is not None else None
                    if fs is not None:
                        source, rule = fs, "quote_frame"
            if source is None and quoted and para in prev_quoted:
                source, rule = prev_quoted[para], "continued_quote"
            if source is None:
                source, rule = outlet, "outlet"
            if quoted and rule != "outlet":
                prev_quoted[para] = source
            toks = doc[i:j]
            head = _content_head(words, i, j)
            frame_tok = ftok if ftok is not None and i <= ftok.i < j else None
            if _conditional(words, i, j, head):
                modality = "conditional"
            elif _hedged(words, i, j, head, frame_tok):
                modality = "hedged"
            elif (rule in ("reported", "according_to") or quote_kind == "indirect") and not quoted:
                modality = "reported"
            else:
                modality = "asserted"
            negative = head is not None and _negated(words, head.i)[0]
            denier = frame_tok if frame_tok is not None and frame_tok.lemma_.lower() in DENIAL_VERBS and not _negated(words, frame_tok.i)[0] else None
            denied = _denied_clause(denier) if denier is not None else frozenset()
            untrue = _debunked_clauses(words.doc, i, j)
            if head is not None and (head.i in denied or head.i in untrue):
                negative = not negative  # "denied that 300 people died": the source says they did not
            frames, args, patients = _frames(words, i, j, denied, untrue)
            lemmas = [words.lemma[k] for k in range(i, j)
                      if words.pos[k] in _LEMMA_POS and not words.is_stop[k] and words.is_alpha[k]
                      or (words.pos[k] in ("NOUN", "PROPN") and "-" in words.lower[k])]
            rows.append(
                {
                    "article_id": ctx.article_id,
                    "sent_id": sent_id,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "source": source,
                    "modality": modality,
                    "polarity": "negative" if negative else "positive",
                    "quote_id": quote_id,
                    "source_rule": rule,
                    "quoted": quoted,
                    "frames": "|".join(frames),
                    "args": "|".join(args),
                    "patients": "|".join(patients),
                    **dict(zip(("status", "status_of"), _status(words, i, j))),
                    "completed": _completed(words, i, j, headline=para_of.get(sent_id) in title_paras),
                    "lemmas": " ".join(lemmas),
                    "owners": "|".join(_owners(words, head, i, j)),
                    "places": "|".join(place_entries(words, i, j, lambda k: _negated(words, k)[0], denied)),
                    # only a claim that has "win" or "winner" among its lemmas can name a winner
                    "winner": _winner(words, toks) if _WIN_LEMMAS.intersection(lemmas) else None,
                    # read only where a word that can accuse or deny stands
                    "blame": blame_of(toks, source, REBUTTAL_VERBS) if any(words.lemma[k] in _BLAME_TRIGGERS or words.lower[k] in _BLAME_TRIGGERS or words.lemma[k] in REBUTTAL_VERBS
                                                                for k in range(i, j)) else None,
                    # read only where a verb of dying or killing stands
                    "cause": cause_of(toks, REBUTTAL_VERBS) if any(words.lemma[k] in _CAUSE_TRIGGERS or words.lower[k] in _CAUSE_TRIGGERS
                                                                   for k in range(i, j)) else None,
                }
            )
    for n, row in enumerate(rows):
        row["claim_id"] = f"{ctx.article_id}:c{n}"
    # Links are filled on the row dicts so the table is typed once (this runs for every article).
    spans = [(row["article_id"], row["start"], row["end"]) for row in rows]
    links = [("entities", entities, _entity_keys), ("numbers", numbers, _number_keys), ("times", timexes, _time_keys)]
    for column, table, keys_of in links:
        for row, value in zip(rows, _link_values(spans, table, keys_of)):
            row[column] = value
    return rows


# Extra columns of the claims table (beyond API.md) and their dtypes; see claim_table's docstring.
EXTRA_DTYPES = schema.EXTRA_DTYPES["claims"]


def _entity_keys(table: pd.DataFrame | list[dict]) -> list:
    return [
        (c if isinstance(c, str) else t) if lab in _NAMED else None
        for c, t, lab in zip(column_values(table, "canonical"), column_values(table, "text"), column_values(table, "label"))
    ]


def _number_keys(table: pd.DataFrame | list[dict]) -> list:
    return [format_number(v, u, lo, hi, st) for v, u, lo, hi, st in zip(*(column_values(table, c) for c in ("value", "unit", "low", "high", "state")))]


def _time_keys(table: pd.DataFrame | list[dict]) -> list:
    return [None if pd.isna(v) else str(v) for v in column_values(table, "value")]


def rows_inside(spans, table: pd.DataFrame | list[dict]):
    """For each (article_id, start, end) span, the positions of the ``table`` rows (article_id, start,
    end) lying inside it, in text order: one list per span, yielded as the spans are read.

    Plain lists and bisection, not row-wise pandas access: this runs inside every parse."""
    # Sorted in Python: a pandas sort per article cost more than the whole lookup.
    rows = sorted(
        zip(column_values(table, "article_id"), column_values(table, "start"), range(len(table)), column_values(table, "end")),
        key=lambda r: (r[0], r[1], r[2]),
    )
    index: dict[str, tuple[list, list, list]] = {}
    for aid, start, pos, end in rows:
        starts, ends, positions = index.setdefault(aid, ([], [], []))
        starts.append(int(start))
        ends.append(int(end))
        positions.append(pos)
    for aid, start, end in spans:
        starts, ends, positions = index.get(aid, ((), (), ()))
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        yield [positions[k] for k in range(lo, hi) if ends[k] <= end]


def _link_values(spans: list[tuple], table: pd.DataFrame | list[dict] | None, keys_of) -> list:
    """For each (article_id, start, end) span, the '|'-joined keys of the ``table`` rows lying inside it
    (<NA> when none), in text order without repeats."""
    if table is None or not len(table):
        return [pd.NA] * len(spans)
    keys = keys_of(table)
    values = []
    for positions in rows_inside(spans, table):
        found = list(dict.fromkeys(keys[p] for p in positions if keys[p]))
        values.append("|".join(found) if found else pd.NA)
    return values


def _link(claims: pd.DataFrame, table: pd.DataFrame | None, column: str, keys_of) -> pd.DataFrame:
    """A copy of ``claims`` with ``column`` refilled by :func:`_link_values`."""
    out = claims.copy()
    spans = list(zip(out["article_id"].tolist(), out["start"].tolist(), out["end"].tolist()))
    out[column] = pd.Series(_link_values(spans, table, keys_of), index=out.index, dtype="string")
    return out


def attach_entities(claims: pd.DataFrame, entities: pd.DataFrame | None) -> pd.DataFrame:
    """Refill ``claims.entities`` from the entities table (called after corpus-wide canonical names
    exist, so claims link to 'Leonid Slutsky' rather than the raw mention 'Slutsky').

    Parameters
    ----------
    claims
        A claims table.
    entities
        An entities table with final ``canonical`` names.

    Returns
    -------
    pandas.DataFrame
        ``claims`` with ``entities`` set ('|'-joined canonical names of named-entity mentions).
    """
    if entities is None or not len(entities) or not len(claims):
        return claims
    return _link(claims, entities, "entities", _entity_keys)


def attach_times(claims: pd.DataFrame, timexes: pd.DataFrame | None) -> pd.DataFrame:
    """Refill ``claims.times`` with the TIMEX3 values of the timexes inside each claim.

    Called after publication dates are inferred, when relative expressions get new values;
    :func:`claim_table` fills ``times`` the same way (through :func:`_link_values`) as it builds claims.

    Parameters
    ----------
    claims
        A claims table.
    timexes
        A timexes table (article_id, start, end, value); None or empty leaves ``times`` empty.

    Returns
    -------
    pandas.DataFrame
        ``claims`` with ``times`` set ('|'-joined values, <NA> when none).
    """
    return _link(claims, timexes, "times", _time_keys)  # undated rows have no key and link to nothing
