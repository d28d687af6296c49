/* SPDX-License-Identifier: MIT */
/*
 * observe.h - the SPEC §7 observation in canonical form, and the structural self-check
 * the protocol's `check` request asks for.
 */
#ifndef HMM_OBSERVE_H
#define HMM_OBSERVE_H

#include "obuf.h"
#include "world.h"

void hmm_observe(struct hmm_world *world, struct obuf *ob);
void hmm_self_check(struct hmm_world *world, struct obuf *ob);

#endif /* HMM_OBSERVE_H */
