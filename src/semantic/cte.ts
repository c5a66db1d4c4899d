/** One common table expression of a statement: WITH name AS (body). */
export type Cte = [name: string, body: string];
