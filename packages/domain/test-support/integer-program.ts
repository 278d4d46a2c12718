// A small integer-program solver for the attacker: a dense two-phase simplex (Bland's rule, so it
// cannot cycle) under a depth-first branch and bound. Written apart from the package, which never
// solves a program (it builds witnesses, src/linked-suppression.ts), so the tests do not check the
// implementation against itself. Dense and floating point: fine for test-sized tables (hundreds of
// variables), with a tolerance; a result is only trusted as an integer point it can check.

export interface Constraint {
  /** Variable index → coefficient. */
  readonly terms: ReadonlyMap<number, number>;
  readonly relation: "=" | "<=" | ">=";
  readonly rhs: number;
}

export interface IntegerProgram {
  readonly variables: number;
  readonly constraints: readonly Constraint[];
  /** Variable index → coefficient of the objective. */
  readonly objective: ReadonlyMap<number, number>;
  readonly sense: "min" | "max";
}

export type Solution =
  | { readonly status: "optimal"; readonly value: number; readonly x: Float64Array }
  | { readonly status: "infeasible" | "unbounded" };

const epsilon = 1e-7;

/** The optimum over x ≥ 0 (real numbers). */
function solveLinear(program: IntegerProgram): Solution {
  const { variables, constraints } = program;
  const m = constraints.length;
  const slackCount = constraints.filter((c) => c.relation !== "=").length;
  const width = variables + slackCount + m + 1; // + artificials + right-hand side
  const rhsColumn = width - 1;
  const tableau = Array.from({ length: m }, () => new Float64Array(width));
  const basis = new Int32Array(m);
  let slack = variables;
  constraints.forEach((constraint, r) => {
    const row = tableau[r] as Float64Array;
    for (const [j, a] of constraint.terms) row[j] = (row[j] as number) + a;
    if (constraint.relation !== "=") row[slack++] = constraint.relation === "<=" ? 1 : -1;
    row[rhsColumn] = constraint.rhs;
    if (constraint.rhs < 0) for (let j = 0; j < width; j++) row[j] = -(row[j] as number);
    const artificial = variables + slackCount + r;
    row[artificial] = 1;
    basis[r] = artificial;
  });
  const artificialStart = variables + slackCount;
  // Phase 1: minimise the artificials.
  const phase1 = new Float64Array(width);
  for (let j = artificialStart; j < rhsColumn; j++) phase1[j] = 1;
  if (!optimise(tableau, basis, phase1, rhsColumn, rhsColumn)) return { status: "unbounded" };
  let infeasibility = 0;
  for (let r = 0; r < m; r++) {
    if ((basis[r] as number) >= artificialStart) {
      infeasibility += (tableau[r] as Float64Array)[rhsColumn] as number;
    }
  }
  if (infeasibility > 1e-6) return { status: "infeasible" };
  // Drive artificials still basic (at 0) out where a real column can replace them.
  for (let r = 0; r < m; r++) {
    if ((basis[r] as number) < artificialStart) continue;
    const row = tableau[r] as Float64Array;
    for (let j = 0; j < artificialStart; j++) {
      if (Math.abs(row[j] as number) > epsilon) {
        pivot(tableau, basis, r, j, rhsColumn);
        break;
      }
    }
  }
  // Phase 2 on the real objective; artificials may not re-enter.
  const cost = new Float64Array(width);
  const sign = program.sense === "min" ? 1 : -1;
  for (const [j, c] of program.objective) cost[j] = sign * c;
  if (!optimise(tableau, basis, cost, artificialStart, rhsColumn)) return { status: "unbounded" };
  const x = new Float64Array(variables);
  for (let r = 0; r < m; r++) {
    const j = basis[r] as number;
    if (j < variables) x[j] = (tableau[r] as Float64Array)[rhsColumn] as number;
  }
  let value = 0;
  for (const [j, c] of program.objective) value += c * (x[j] as number);
  return { status: "optimal", value, x };
}

/** Simplex iterations with Bland's rule over columns below `enterLimit`; false when unbounded. */
function optimise(
  tableau: Float64Array[],
  basis: Int32Array,
  cost: Float64Array,
  enterLimit: number,
  rhsColumn: number,
): boolean {
  const m = tableau.length;
  // Reduced costs c_j − c_B · column_j, kept up to date through the pivots.
  const reduced = Float64Array.from(cost);
  for (let r = 0; r < m; r++) {
    const c = cost[basis[r] as number] as number;
    if (c === 0) continue;
    const row = tableau[r] as Float64Array;
    for (let j = 0; j <= rhsColumn; j++)
      reduced[j] = (reduced[j] as number) - c * (row[j] as number);
  }
  for (let iteration = 0; iteration < 50_000; iteration++) {
    let entering = -1;
    for (let j = 0; j < enterLimit; j++) {
      if ((reduced[j] as number) < -epsilon) {
        entering = j;
        break;
      }
    }
    if (entering < 0) return true;
    let leaving = -1;
    let bestRatio = Number.POSITIVE_INFINITY;
    for (let r = 0; r < m; r++) {
      const a = (tableau[r] as Float64Array)[entering] as number;
      if (a <= epsilon) continue;
      const ratio = ((tableau[r] as Float64Array)[rhsColumn] as number) / a;
      if (
        ratio < bestRatio - epsilon ||
        (Math.abs(ratio - bestRatio) <= epsilon &&
          (basis[r] as number) < (basis[leaving] as number))
      ) {
        bestRatio = ratio;
        leaving = r;
      }
    }
    if (leaving < 0) return false;
    pivot(tableau, basis, leaving, entering, rhsColumn);
    const f = reduced[entering] as number;
    const pivotRow = tableau[leaving] as Float64Array;
    for (let j = 0; j <= rhsColumn; j++)
      reduced[j] = (reduced[j] as number) - f * (pivotRow[j] as number);
  }
  throw new Error("Simplex did not converge");
}

function pivot(
  tableau: Float64Array[],
  basis: Int32Array,
  row: number,
  column: number,
  rhsColumn: number,
): void {
  const pivotRow = tableau[row] as Float64Array;
  const p = pivotRow[column] as number;
  for (let j = 0; j <= rhsColumn; j++) pivotRow[j] = (pivotRow[j] as number) / p;
  for (let r = 0; r < tableau.length; r++) {
    if (r === row) continue;
    const other = tableau[r] as Float64Array;
    const f = other[column] as number;
    if (Math.abs(f) < 1e-12) continue;
    for (let j = 0; j <= rhsColumn; j++)
      other[j] = (other[j] as number) - f * (pivotRow[j] as number);
  }
  basis[row] = column;
}

/** The optimum over whole numbers x ≥ 0, by depth-first branch and bound. */
export function solveInteger(program: IntegerProgram, maxNodes = 20_000): Solution {
  let incumbent: { value: number; x: Float64Array } | undefined;
  const better = (a: number, b: number) => (program.sense === "min" ? a < b - 1e-6 : a > b + 1e-6);
  const stack: Constraint[][] = [[]];
  for (let nodes = 0; stack.length > 0; nodes++) {
    if (nodes > maxNodes) throw new Error("Branch and bound gave up");
    const extra = stack.pop() as Constraint[];
    const relaxed = solveLinear({ ...program, constraints: [...program.constraints, ...extra] });
    if (relaxed.status === "unbounded") return relaxed;
    if (relaxed.status !== "optimal") continue;
    if (incumbent && !better(relaxed.value, incumbent.value)) continue;
    let branch = -1;
    relaxed.x.forEach((value, j) => {
      if (branch < 0 && Math.abs(value - Math.round(value)) > 1e-6) branch = j;
    });
    if (branch < 0) {
      incumbent = { value: relaxed.value, x: relaxed.x.map(Math.round) };
      continue;
    }
    const value = relaxed.x[branch] as number;
    const on = (relation: "<=" | ">=", rhs: number): Constraint => ({
      terms: new Map([[branch, 1]]),
      relation,
      rhs,
    });
    stack.push([...extra, on(">=", Math.ceil(value))], [...extra, on("<=", Math.floor(value))]);
  }
  if (!incumbent) return { status: "infeasible" };
  return { status: "optimal", value: Math.round(incumbent.value), x: incumbent.x };
}
