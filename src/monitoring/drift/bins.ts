/** One bin of a PSI comparison: its label, the reference share, the current share and its PSI term. */
export interface PsiBin {
  label: string;
  expected: number;
  actual: number;
}

/** A feature's (or the score's) PSI with the bins behind it. */
export interface PsiResult {
  psi: number;
  bins: PsiBin[];
  /** Rows compared on the current side. */
  rows: number;
}
