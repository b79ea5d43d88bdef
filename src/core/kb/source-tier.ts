/**
 * Source tiers (issue 16 §1): how much a citation can carry, decided by what the source IS and who published it —
 * never by a judgement about the number that cites it.
 *
 * - `primary`: a peer-reviewed research paper (identified by its PMID or DOI, wherever the copy we read was hosted), the
 *   regulator's or manufacturer's own label/SmPC, a statute, regulator page or official gazette.
 * - `secondary`: a peer-reviewed review, a curated database, a textbook or reference work, a clinical guideline from a
 *   professional body.
 * - `weak`: everything else — news, vendors, blogs, forums, wikis, and third-party copies of labels (a label mirror is
 *   weak even when its text is the label's: the regulator's copy exists and is the one to cite).
 * - `assumption`: a model default with reasoning and range; not a source of facts.
 *
 * Unknown publishers default to `weak` on purpose: a source earns a higher tier by being on a list below, so a new
 * mirror never passes as the regulator.
 */
import type { Source } from './types.js';

export const SOURCE_TIERS = ['primary', 'secondary', 'weak'] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number] | 'assumption';

/** Regulators, legislatures, gazettes, governments and intergovernmental agencies (matched on the host's suffix). */
const OFFICIAL_HOST_SUFFIXES = [
  '.gov', '.gov.uk', '.gov.au', '.gov.sg', '.gov.my', '.gov.ie', '.gov.in', '.gov.ph', '.gov.za', '.gov.nz', '.gov.hk',
  '.gc.ca', '.canada.ca', '.europa.eu', '.who.int', '.un.org', '.unodc.org', '.admin.ch', '.bund.de', '.gouv.fr',
  '.go.th', '.go.jp', '.go.kr', '.go.id', '.govt.nz', '.gob.mx', '.gob.es', '.gov.br', '.overheid.nl', '.riksdagen.se',
  '.legifrance.gouv.fr', '.legislation.gov.uk', '.public.law', '.ncleg.net', '.sum.dk', '.lakemedelsverket.se',
  '.merrionstreet.ie', '.service-public.fr', '.cnb.gov.sg', '.hpra.ie', '.tga.gov.au', '.pmda.go.jp', '.swissmedic.ch',
  '.fda.gov', '.ema.europa.eu', '.medicines.org.uk', '.nih.gov',
  // Spain's official gazette (Boletín Oficial del Estado).
  '.boe.es',
  // France's Council of State (supreme administrative court): its own database of its decisions (ArianeWeb).
  '.conseil-etat.fr',
  // Argentina's government domains, among them the official gazette (Boletín Oficial de la República Argentina).
  '.gob.ar',
  // The New York State Assembly's bill-status and text system (the Legislature's own record of bills, memos and actions).
  'assembly.state.ny.us',
  // The Dutch central government's website (ministries' news, policy pages and Q&As).
  '.rijksoverheid.nl',
  // Malta's Authority on the Responsible Use of Cannabis, the statutory regulator set up by Chapter 628 of the Laws of Malta.
  '.aruc.mt',
  // Drogues Info Service, the drug-information service of Santé publique France (France's national public-health agency).
  '.drogues-info-service.fr',
  // Portugal's Assembleia da República (its debates and Diário da Assembleia da República archive).
  '.parlamento.pt',
];
/** Hosts of regulators' label repositories and manufacturers' own label sites (a label there is primary). */
const LABEL_HOSTS = [
  'dailymed.nlm.nih.gov', 'accessdata.fda.gov', 'api.fda.gov', 'fda.gov', 'ema.europa.eu', 'medicines.org.uk',
  'compendium.ch', 'pfizermedicalinformation.com', 'lillymedical.co.uk', 'jnjmedicalconnect.com', 'crestorhcp.com',
  'zytigahcp.com', 'eliquis.ie', 'pdr.net', 'hpra.ie', 'swissmedicinfo.ch', 'tga.gov.au', 'health-products.canada.ca',
];
/** Manufacturers' medical-information sites under their country domains (pfizermedicalinformation.co.nz, .com.dz…). */
const MANUFACTURER_HOST = /^(www\.)?pfizermedicalinformation\.(com|[a-z]{2}|(co|com)\.[a-z]{2})$/;
/** Curated databases, reference works and scholarly publishers' book platforms. */
const SECONDARY_HOSTS = [
  'pubchem.ncbi.nlm.nih.gov', 'uniprot.org', 'genenames.org', 'pharmgkb.org', 'livertox.nlm.nih.gov', 'drugbank.ca',
  'go.drugbank.com', 'drugbank.com', 'drugcentral.org', 'echa.europa.eu', 'hiv-druginteractions.org', 'guidetopharmacology.org',
  'ncbi.nlm.nih.gov', 'link.springer.com', 'taylorfrancis.com', 'acnp.org', 'open-systems-pharmacology.org',
  'reference.medscape.com', 'uptodate.com', 'mayoclinic.org', 'credibledrugs.org', 'crediblemeds.org',
  'webedition.sanfordguide.com', 'aesnet.org', 'drugs.ncats.io', 'gsrs.ncats.nih.gov', 'rcsb.org', 'cms.aesnet.org', 'psychiatryonline.org', 'kdpnet.kdp.louisville.edu',
  // UCSF TransPortal: the university's curated transporter database (substrates, inhibitors and constants with their papers).
  'transportal.compbio.ucsf.edu',
  // nlmixr2lib's documentation site: the curated popPK model library's pages, one per published model.
  'nlmixr2.github.io',
];
/** Journal publishers' own sites: an article read there is the published paper even when we lack its PMID/DOI. */
const JOURNAL_HOSTS = [
  'aspetjournals.org', 'onlinelibrary.wiley.com', 'academic.oup.com', 'nature.com', 'frontiersin.org', 'mdpi.com',
  'karger.com', 'journals.lww.com', 'link.springer.com', 'springermedizin.de', 'biomedcentral.com', 'asm.org',
  'asnjournals.org', 'ashpublications.com', 'pubs.asahq.org', 'jpn.ca', 'canjneurolsci.org', 'psychiatryonline.org',
  'informahealthcare.com', 'tandfonline.com', 'sciencedirect.com', 'cell.com', 'thelancet.com', 'nejm.org',
  'jamanetwork.com', 'bmj.com', 'plos.org', 'journals.plos.org', 'acs.org', 'pubs.acs.org', 'cambridge.org',
  'sagepub.com', 'journals.sagepub.com', 'ascopubs.org', 'meetinglibrary.asco.org', 'synapse.koreamed.org',
  'koreascience.kr', 'jstage.jst.go.jp', 'clinmedjournals.org', 'bps.ac.uk',
  // The Journal of the Medical Association of Thailand's own site.
  'jmatonline.com',
];
/** Research repositories: a paper read there is the paper (the copy is the author's or the institution's). */
const REPOSITORY_HOSTS = ['europepmc.org', 'discovery.dundee.ac.uk', 'refubium.fu-berlin.de', 'pure.psu.edu', 'scholar.usuhs.edu', 'cir.nii.ac.jp'];
/** Curated research databases on GitHub and elsewhere: the OSP observed-data database, published qualification data, NaPDI. */
const SECONDARY_RESEARCH_DATA = ['repo.napdi.org'];
/**
 * Curated research repositories on GitHub, secondary like the OSP database: the OSP observed-data and model library; the
 * model repositories that accompany the Lehr group's peer-reviewed PBPK papers (Rüdesheim et al.; DDGI ratios and the
 * paroxetine, ketoconazole and quinidine models); PK-DB's curated tables of published studies (König group); and
 * nlmixr2lib, a curated library of published population-PK models, each transcribed with its paper.
 */
const SECONDARY_GITHUB_PATHS = ['/Open-Systems-Pharmacology/', '/SRuedesh/', '/matthiaskoenig/', '/nlmixr2/nlmixr2lib'];

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** `host` is `h` or a subdomain of it (entries written with a leading dot match the same way). */
function hostIn(host: string, list: readonly string[]): boolean {
  return list.some((entry) => {
    const h = entry.replace(/^\./, '');
    return host === h || host.endsWith(`.${h}`);
  });
}

function isOfficial(host: string): boolean {
  return hostIn(host, OFFICIAL_HOST_SUFFIXES);
}

/** The tier of one source record. Pure: reads only the record. */
export function sourceTier(s: Source): SourceTier {
  if (s.type === 'assumption') return 'assumption';
  const host = hostOf(s.url);
  switch (s.type) {
    case 'article':
      // A paper is identified by its PMID/DOI: the copy we read may sit on a mirror, the publication does not.
      if (s.pmid || s.doi) return s.publication === 'review' ? 'secondary' : 'primary';
      if (host && (host.endsWith('ncbi.nlm.nih.gov') || host === 'pubmed.gov' || hostIn(host, JOURNAL_HOSTS) || hostIn(host, REPOSITORY_HOSTS)))
        return s.publication === 'review' ? 'secondary' : 'primary';
      return 'weak';
    case 'label':
      return host && (hostIn(host, LABEL_HOSTS) || isOfficial(host) || MANUFACTURER_HOST.test(host)) ? 'primary' : 'weak';
    case 'guidance':
      if (host && isOfficial(host)) return 'primary';
      return host && hostIn(host, SECONDARY_HOSTS) ? 'secondary' : s.doi || s.pmid ? 'secondary' : 'weak';
    case 'book':
      return host && !hostIn(host, SECONDARY_HOSTS) && !s.doi && !s.pmid && !s.citation ? 'weak' : 'secondary';
    case 'database':
      if (host === 'github.com') return SECONDARY_GITHUB_PATHS.some((p) => (s.url ?? '').includes(p)) ? 'secondary' : 'weak';
      if (host && isOfficial(host)) return 'secondary';
      return host && (hostIn(host, SECONDARY_HOSTS) || hostIn(host, SECONDARY_RESEARCH_DATA)) ? 'secondary' : 'weak';
    case 'website':
      if (host && isOfficial(host)) return 'primary';
      if (host && hostIn(host, SECONDARY_HOSTS)) return 'secondary';
      if (host === 'github.com') return SECONDARY_GITHUB_PATHS.some((p) => (s.url ?? '').includes(p)) ? 'secondary' : 'weak';
      return 'weak';
  }
}

/** Tiers of every source, keyed by id. */
export function sourceTiers(sources: readonly Source[]): Map<string, SourceTier> {
  return new Map(sources.map((s) => [s.id, sourceTier(s)]));
}
