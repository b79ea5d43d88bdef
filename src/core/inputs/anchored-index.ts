/**
 * The index drugs of the clinically anchored model (MODEL.md §6), as data: per enzyme, the sensitive index
 * substrates whose in-vivo contribution ratio (CR) anchors a perpetrator's inhibition ratio (IR), and the strong
 * index inhibitors taken to inhibit the enzyme fully (IR = 1) when an index substrate's CR has no genotype study.
 * The lists follow the FDA table of index substrates and inhibitors (`fda-ddi-table`) and MODEL.md §1.4; the IR = 1
 * convention is Ohno et al. 2007 (`ohno-2007`), recorded as the assumption `assume-anchored-index-inhibitor-ir`.
 * The engine reads this table; it never branches on a substance elsewhere.
 */

export interface IndexDrugs {
  /** Sensitive index substrates: their CR for this enzyme is derived first and anchors every IR. */
  substrates: readonly string[];
  /** Strong index inhibitors: IR = 1 is assumed only to derive an index substrate's CR. */
  inhibitors: readonly string[];
}

export const INDEX_SOURCE = 'fda-ddi-table';
export const INDEX_IR_ASSUMPTION = 'assume-anchored-index-inhibitor-ir';

/** Keyed by the enzyme group (see `enzymeGroup`). */
export const INDEX_DRUGS: Readonly<Record<string, IndexDrugs>> = {
  cyp3a4: { substrates: ['midazolam', 'triazolam'], inhibitors: ['ketoconazole', 'itraconazole'] },
  cyp2d6: { substrates: ['desipramine', 'dextromethorphan'], inhibitors: ['paroxetine', 'fluoxetine', 'quinidine'] },
  cyp2c19: { substrates: ['omeprazole', 's-mephenytoin'], inhibitors: ['fluvoxamine'] },
  cyp2c9: { substrates: ['s-warfarin', 'tolbutamide'], inhibitors: [] },
  cyp1a2: { substrates: ['caffeine', 'tizanidine'], inhibitors: ['fluvoxamine'] },
  cyp2c8: { substrates: ['repaglinide'], inhibitors: ['gemfibrozil'] },
};

/**
 * CYP3A4 and CYP3A5 act as one enzyme in clinical data (the index inhibitors block both), so a study's driving
 * enzymes are grouped before they are compared.
 */
export function enzymeGroup(enzyme: string): string {
  return enzyme === 'cyp3a5' ? 'cyp3a4' : enzyme;
}
