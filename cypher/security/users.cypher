// Users (用户) are system data: a (:User) node has NO generation property, so an import (which deletes only nodes of
// older generations) never touches it. Passwords are stored as DelegatingPasswordEncoder hashes ({bcrypt}…).
// params: username: string, passwordHash: string, role: string, scopes: list<string>, personId: string

// statement: find
MATCH (u:User {username: $username})
RETURN u.username AS username, u.passwordHash AS passwordHash, u.role AS role, u.scopes AS scopes,
       u.personId AS personId, u.createdAt AS createdAt;

// statement: list
MATCH (u:User)
RETURN u.username AS username, u.passwordHash AS passwordHash, u.role AS role, u.scopes AS scopes,
       u.personId AS personId, u.createdAt AS createdAt
ORDER BY username;

// statement: count
MATCH (u:User)
RETURN count(u) AS count;

// statement: create
CREATE (u:User {username: $username, passwordHash: $passwordHash, role: $role, scopes: $scopes, personId: $personId,
                createdAt: datetime()})
RETURN u.username AS username;

// statement: update
MATCH (u:User {username: $username})
SET u.passwordHash = $passwordHash, u.role = $role, u.scopes = $scopes, u.personId = $personId
RETURN u.username AS username;

// statement: delete
MATCH (u:User {username: $username})
DELETE u
RETURN count(*) AS deleted;
