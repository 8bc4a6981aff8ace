/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena.h — umbrella header of libcoordena, the core shared by the app and the CLI. */
#pragma once

#include <coordena/error.h>
#include <coordena/paths.h>
#include <coordena/clock.h>
#include <coordena/competencia.h>
#include <coordena/ids.h>
#include <coordena/json.h>
#include <coordena/format.h>
#include <coordena/csv.h>
#include <coordena/reference.h>
#include <coordena/roster.h>
#include <coordena/roster-csv.h>
#include <coordena/ruleset.h>
#include <coordena/rules.h>
