/* global rs, db, sleep, print -- mongosh's shell globals */
// Run by the mongo-init service (mongosh, as root) until it succeeds; safe to run again.
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
}
// Wait until this member is primary before creating users.
while (!db.hello().isWritablePrimary) sleep(500);
const mujib = db.getSiblingDB('mujib');
const password = process.env.MUJIB_DB_PASSWORD;
if (mujib.getUser('mujib'))
  mujib.updateUser('mujib', { pwd: password, roles: [{ role: 'readWrite', db: 'mujib' }] });
else mujib.createUser({ user: 'mujib', pwd: password, roles: [{ role: 'readWrite', db: 'mujib' }] });
print('replica set rs0 ready; user mujib has readWrite on mujib');
