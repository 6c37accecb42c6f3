import pg from 'pg'
import type { SqlDb, SqlValue } from './sql.js'

const INT8 = 20
// BIGINT columns hold sequence numbers and millisecond times, well inside 2^53.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

function over(client: Queryable, transaction: SqlDb['transaction'], close: SqlDb['close']): SqlDb {
  return {
    dialect: 'postgres',
    async all<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(numbered(sql), params as unknown[])
      return result.rows as Row[]
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(numbered(sql), params as unknown[])
      return { changes: result.rowCount ?? 0 }
    },
    transaction,
    close,
  }
}

/** PostgreSQL through a `pg` pool; a transaction holds one pooled client from BEGIN to COMMIT. */
export function openPostgres(url: string): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: 10, types })
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process, with one the pool simply replaces the client.
  pool.on('error', () => undefined)
  const transaction: SqlDb['transaction'] = async (fn) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const tx = over(
        client,
        (inner) => inner(tx),
        async () => undefined,
      )
      const result = await fn(tx)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  return over(pool, transaction, () => pool.end())
}
