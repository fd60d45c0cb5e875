package caseexport

import (
	"crypto/sha1"
	"encoding/hex"
)

// A uuid is an RFC 9562 UUID in binary form.
type uuid [16]byte

// nameSpaceURL is the RFC 9562 namespace for URLs,
// 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
var nameSpaceURL = uuid{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// newV5 returns the name-based UUID, version 5 (SHA-1), of name in
// namespace ns, as RFC 9562 section 5.5 defines it.
func newV5(ns uuid, name string) uuid {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u uuid
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10
	return u
}

// String returns u in the canonical lower-case 8-4-4-4-12 form.
func (u uuid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
