import type PgBoss from 'pg-boss';

/**
 * Creates a pg-boss queue unless it exists. Workers starting together may create the same queue
 * at once, and pg-boss's create_queue then deadlocks (40P01) or collides (23505): the loser tries
 * again after a short wait, and finds the queue made.
 */
export async function createQueueOnce(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== '40P01' && code !== '23505') || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}
