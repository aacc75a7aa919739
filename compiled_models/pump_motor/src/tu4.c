
#include "header.h"

void predict_unit4(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.860900879)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.402198792)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0401000977)) {
          result[0] += 0.012973175;
        } else {
          result[0] += -0.072995156;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
          result[0] += -0.051226098;
        } else {
          result[0] += -0.20471902;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)107.35870361)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9240000248)) {
          result[0] += 0.01341952;
        } else {
          result[0] += -0.16536224;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2943000793)) {
          result[0] += 0.110950954;
        } else {
          result[0] += -0.011911287;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.6737999916)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)30.339899063)) {
        result[0] += -0.13585258;
      } else {
        result[0] += 0.11064616;
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.413898468)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9032001495)) {
          result[0] += -0.18977636;
        } else {
          result[0] += -0.12952177;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[0] += 0.064440966;
        } else {
          result[0] += -0.083830066;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.246099472)) {
      result[1] += 0.11070087;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2347998619)) {
        result[1] += -0.1478261;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9222999811)) {
          result[1] += 0.07446666;
        } else {
          result[1] += -0.104200326;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.757301331)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)32.477298737)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.020700455)) {
          result[1] += -0.13363132;
        } else {
          result[1] += 0.1367382;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.972299576)) {
          result[1] += -0.15634406;
        } else {
          result[1] += -0.06360756;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.342399597)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9133000374)) {
          result[1] += 0.26392293;
        } else {
          result[1] += 0.098013304;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.773300171)) {
          result[1] += -0.05274457;
        } else {
          result[1] += 0.11615037;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.35779953)) {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.8991999626)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
        result[2] += -0.14156833;
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.064601898)) {
          result[2] += 0.047708265;
        } else {
          result[2] += -0.102120444;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)86.148597717)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)38.966701508)) {
          result[2] += -0.22044362;
        } else {
          result[2] += -0.061085872;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8000001907)) {
          result[2] += -0.03599994;
        } else {
          result[2] += -0.15083374;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3671998978)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4650000334)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.4749000072)) {
          result[2] += 0.11004999;
        } else {
          result[2] += -0.027447706;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3671998978)) {
          result[2] += 0.09872327;
        } else {
          result[2] += -0.041651487;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5298999548)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9615000486)) {
          result[2] += 0.08229008;
        } else {
          result[2] += -0.13730632;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.474100113)) {
          result[2] += -0.03470753;
        } else {
          result[2] += 0.0929106;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.2760000229)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.0527000427)) {
          result[3] += -0.082883745;
        } else {
          result[3] += 0.063089795;
        }
      } else {
        result[3] += -0.14797814;
      }
    } else {
      result[3] += 0.014652199;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.849201202)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)38.787799835)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5157999992)) {
          result[3] += 0.050136384;
        } else {
          result[3] += -0.038630106;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6179000139)) {
          result[3] += -0.1544095;
        } else {
          result[3] += 0.016037976;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.402801514)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)32.622200012)) {
          result[3] += 0.11474144;
        } else {
          result[3] += 0.04003368;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.411899567)) {
          result[3] += -0.02940332;
        } else {
          result[3] += 0.108957216;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14853078;
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
        result[4] += 0.014649616;
      } else {
        result[4] += -0.110498585;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0278000832)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)10.418700218)) {
          result[4] += 0.11144657;
        } else {
          result[4] += -0.103068724;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7244999409)) {
          result[4] += -0.04360494;
        } else {
          result[4] += 0.1504573;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5398999453)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.1352000237)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2129998207)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.1125998497)) {
          result[5] += -0.11607706;
        } else {
          result[5] += 0.24844582;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7813999653)) {
          result[5] += -0.0030881267;
        } else {
          result[5] += -0.12750117;
        }
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.6712999344)) {
        result[5] += 0.103894405;
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4847999811)) {
          result[5] += -0.14249669;
        } else {
          result[5] += -0.0675599;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9742999077)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9582999945)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.802700043)) {
          result[5] += -0.1255326;
        } else {
          result[5] += 0.115745254;
        }
      } else {
        result[5] += -0.13167606;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.4916000366)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)29.976200104)) {
          result[5] += 0.087637;
        } else {
          result[5] += -0.054950234;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.8102998734)) {
          result[5] += -0.1490108;
        } else {
          result[5] += -0.034804743;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.214801788)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7172999382)) {
        result[6] += -0.006518263;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8554000854)) {
          result[6] += -0.015374553;
        } else {
          result[6] += 0.15340401;
        }
      }
    } else {
      result[6] += -0.04204069;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9811000824)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7762000561)) {
          result[6] += -0.1510278;
        } else {
          result[6] += -0.042159494;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.849998474)) {
          result[6] += 0.07143485;
        } else {
          result[6] += -0.07626964;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.7344999313)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.6002998352)) {
          result[6] += -0.09249261;
        } else {
          result[6] += 0.13252968;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.033599854)) {
          result[6] += -0.14507079;
        } else {
          result[6] += 0.053939674;
        }
      }
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5452001095)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2323000431)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.4899997711)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
          result[7] += -0.09992728;
        } else {
          result[7] += 0.07644501;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.96319997311)) {
          result[7] += 0.107174754;
        } else {
          result[7] += -0.13306408;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.6203999519)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9247999191)) {
          result[7] += 0.025413794;
        } else {
          result[7] += -0.14900461;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)3.1374099255)) {
          result[7] += -0.09136343;
        } else {
          result[7] += 0.10254597;
        }
      }
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7325999737)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8805000782)) {
        result[7] += 0.0887909;
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
          result[7] += -0.1358488;
        } else {
          result[7] += -0.030913591;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5364000797)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.296001434)) {
          result[7] += 0.14638607;
        } else {
          result[7] += -0.043731686;
        }
      } else {
        result[7] += -0.13050306;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.796199799)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
        result[8] += -0.1488652;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.310100555)) {
          result[8] += 0.17609677;
        } else {
          result[8] += -0.09149904;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.656700134)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.5896000862)) {
          result[8] += 0.17421632;
        } else {
          result[8] += -0.10531449;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.08518479;
        } else {
          result[8] += 0.11869081;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
      result[8] += -0.14821032;
    } else {
      result[8] += 0.07323195;
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.1149001122)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.940199852)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.821498871)) {
          result[0] += 0.033208568;
        } else {
          result[0] += -0.07647492;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2964000702)) {
          result[0] += -0.0338724;
        } else {
          result[0] += -0.1226136;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.911201477)) {
          result[0] += 0.0051569543;
        } else {
          result[0] += 0.09742699;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9165000916)) {
          result[0] += 0.044211734;
        } else {
          result[0] += -0.13100651;
        }
      }
    }
  } else {
    result[0] += -0.15364647;
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.020700455)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)33.951499939)) {
          result[1] += 0.032178782;
        } else {
          result[1] += -0.17349555;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2347998619)) {
          result[1] += -0.13256189;
        } else {
          result[1] += 0.02726075;
        }
      }
    } else {
      result[1] += -0.14660676;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.7495999336)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8940000534)) {
          result[1] += -0.07924589;
        } else {
          result[1] += 0.08275391;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
          result[1] += 0.1487017;
        } else {
          result[1] += 0.03920897;
        }
      }
    } else {
      result[1] += -0.10091955;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.624799728)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        result[2] += -0.14566599;
      } else {
        result[2] += 0.02378065;
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.4749000072)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5580999851)) {
          result[2] += 0.11413276;
        } else {
          result[2] += -0.0688118;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3343000412)) {
          result[2] += -0.15861277;
        } else {
          result[2] += -0.0042889346;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3296000957)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)28.594999313)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5319999456)) {
          result[2] += -0.19365369;
        } else {
          result[2] += 0.055354144;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4864001274)) {
          result[2] += 0.053877503;
        } else {
          result[2] += 0.13417561;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.484901428)) {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.0444999933)) {
          result[2] += 0.16797619;
        } else {
          result[2] += 0.018536827;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9981999397)) {
          result[2] += 0.13276166;
        } else {
          result[2] += -0.09838961;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.076800108)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.14685331;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5037000179)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0335001945)) {
          result[3] += -0.0992291;
        } else {
          result[3] += 0.18501784;
        }
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.0473001003)) {
          result[3] += -0.14053296;
        } else {
          result[3] += -0.018931326;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.402198792)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.875200272)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.753601074)) {
          result[3] += 0.040016823;
        } else {
          result[3] += -0.027270092;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2006001472)) {
          result[3] += -0.12067475;
        } else {
          result[3] += 0.12555271;
        }
      }
    } else {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)32.0041008)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9453001022)) {
          result[3] += 0.012572931;
        } else {
          result[3] += 0.14272718;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.345400095)) {
          result[3] += -0.05417134;
        } else {
          result[3] += 0.10268531;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14796329;
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8320999146)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0278000832)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0992999077)) {
          result[4] += -0.089319736;
        } else {
          result[4] += 0.123157956;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1477999687)) {
          result[4] += 0.021251878;
        } else {
          result[4] += 0.1519708;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2309000492)) {
        result[4] += -0.12338995;
      } else {
        result[4] += 0.08588287;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.005300045)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.6470000744)) {
        result[5] += -0.124639444;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.940101624)) {
          result[5] += 0.10274093;
        } else {
          result[5] += -0.09005507;
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)7.0232100487)) {
          result[5] += -0.14807488;
        } else {
          result[5] += -0.0017285595;
        }
      } else {
        result[5] += 0.015409712;
      }
    }
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7482000589)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4917001724)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.6890997887)) {
          result[5] += 0.1294055;
        } else {
          result[5] += -0.1224026;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9130001068)) {
          result[5] += -0.0002580791;
        } else {
          result[5] += -0.10211826;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)8.8500995636)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.877300024)) {
          result[5] += -0.09437749;
        } else {
          result[5] += 0.12884954;
        }
      } else {
        result[5] += -0.12671009;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.546200037)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)140.2130127)) {
      result[6] += -0.14731948;
    } else {
      result[6] += -0.007935269;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.6771001816)) {
      result[6] += -0.150535;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.1430997849)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)31.798599243)) {
          result[6] += 0.083595045;
        } else {
          result[6] += -0.020589804;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.5436999798)) {
          result[6] += 0.13015865;
        } else {
          result[6] += -0.13971944;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
    result[7] += 0.14794986;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8554000854)) {
        result[7] += 0.004135513;
      } else {
        result[7] += -0.14764135;
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)95.698699951)) {
          result[7] += 0.082508765;
        } else {
          result[7] += -0.037417904;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8754999638)) {
          result[7] += -0.1499265;
        } else {
          result[7] += 0.10651327;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.1465752;
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.588199615)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.0798997879)) {
          result[8] += 0.19075984;
        } else {
          result[8] += -0.03224166;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.15044162;
        } else {
          result[8] += 0.102825105;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.659301758)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.2940001488)) {
          result[8] += 0.032725826;
        } else {
          result[8] += -0.11442104;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)46.033798218)) {
          result[8] += -0.11798289;
        } else {
          result[8] += 0.1430925;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[8].missing != -1) || (data[8].fvalue < (float)28.860900879)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)42.26599884)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.976600647)) {
          result[0] += -0.0850766;
        } else {
          result[0] += 0.027305573;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)32.557998657)) {
          result[0] += -0.18128218;
        } else {
          result[0] += -0.031610426;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
          result[0] += 0.036909994;
        } else {
          result[0] += -0.08423785;
        }
      } else {
        result[0] += -0.13622288;
      }
    }
  } else {
    result[0] += -0.14519289;
  }
  if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2016999722)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.374900818)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)33.970298767)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.972299576)) {
          result[1] += -0.09140564;
        } else {
          result[1] += 0.08408716;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.638299942)) {
          result[1] += 0.05162354;
        } else {
          result[1] += -0.14646909;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.342399597)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3361001015)) {
          result[1] += -0.10639525;
        } else {
          result[1] += 0.18882422;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.922798157)) {
          result[1] += -0.050920647;
        } else {
          result[1] += 0.14969936;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.704199791)) {
      result[1] += -0.116100155;
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.101100922)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4066998959)) {
          result[1] += 0.15957494;
        } else {
          result[1] += -0.07162017;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.146701813)) {
          result[1] += -0.16596343;
        } else {
          result[1] += 0.09789453;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)5.0727000237)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.2785000801)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0581002235)) {
          result[2] += -0.00015049161;
        } else {
          result[2] += -0.07306466;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)0.95969998837)) {
          result[2] += -0.29172653;
        } else {
          result[2] += 0.050001923;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.397300005)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.703099966)) {
          result[2] += 0.09179723;
        } else {
          result[2] += 0.23350535;
        }
      } else {
        result[2] += -0.012838168;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0852999687)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)24.420499802)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.6707999706)) {
          result[2] += 0.12560074;
        } else {
          result[2] += -0.0946003;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2065000534)) {
          result[2] += 0.11792313;
        } else {
          result[2] += -0.065482214;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.622699738)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.905799866)) {
          result[2] += 0.06399493;
        } else {
          result[2] += -0.03844749;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)6.597099781)) {
          result[2] += 0.13476089;
        } else {
          result[2] += -0.05075737;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.6254000664)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4407999516)) {
      result[3] += -0.1448782;
    } else {
      result[3] += -0.0038201918;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.439498901)) {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.171200037)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)30.753200531)) {
          result[3] += 0.02912894;
        } else {
          result[3] += -0.081137255;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1514000893)) {
          result[3] += -0.13443093;
        } else {
          result[3] += -0.009357365;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.753200531)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0099999905)) {
          result[3] += 0.0070398343;
        } else {
          result[3] += 0.13099366;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5789999962)) {
          result[3] += 0.039505295;
        } else {
          result[3] += -0.017846495;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14733925;
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8320999146)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0278000832)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0937999487)) {
          result[4] += 0.11301069;
        } else {
          result[4] += -0.09019073;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1477999687)) {
          result[4] += 0.021093741;
        } else {
          result[4] += 0.14975901;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.3347001076)) {
        result[4] += -0.11180273;
      } else {
        result[4] += 0.09325906;
      }
    }
  }
  if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6531000137)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.940199852)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.062999725)) {
          result[5] += -0.12693612;
        } else {
          result[5] += 0.073675334;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.815199852)) {
          result[5] += 0.06573873;
        } else {
          result[5] += -0.13557318;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.8085999489)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8034999371)) {
          result[5] += -0.07484998;
        } else {
          result[5] += -0.15010174;
        }
      } else {
        result[5] += 0.06351853;
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2309000492)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8609000444)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.013000488)) {
          result[5] += -0.07510211;
        } else {
          result[5] += 0.12638922;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.1117999554)) {
          result[5] += -0.123094656;
        } else {
          result[5] += 0.091643386;
        }
      }
    } else {
      result[5] += -0.12811129;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2347998619)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4207999706)) {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2666000128)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
          result[6] += -0.03385738;
        } else {
          result[6] += -0.14853229;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)25.589799881)) {
          result[6] += 0.1970817;
        } else {
          result[6] += -0.107220925;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6375000477)) {
        result[6] += -0.1020916;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6135001183)) {
          result[6] += 0.25970525;
        } else {
          result[6] += 0.02961194;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2109000683)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.6771001816)) {
        result[6] += -0.14765693;
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0062000751)) {
          result[6] += -0.0031471231;
        } else {
          result[6] += 0.08495803;
        }
      }
    } else {
      result[6] += -0.1496591;
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2323000431)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.776901245)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
          result[7] += -0.102510266;
        } else {
          result[7] += 0.04156494;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.1902999878)) {
          result[7] += -0.020690754;
        } else {
          result[7] += -0.15609874;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4927000999)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8681999445)) {
          result[7] += -0.15236847;
        } else {
          result[7] += -0.014907581;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4636998177)) {
          result[7] += 0.08093327;
        } else {
          result[7] += -0.10119261;
        }
      }
    }
  } else {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
        result[7] += -0.13331416;
      } else {
        result[7] += 0.022064239;
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.801500082)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.90309906)) {
          result[7] += 0.1762729;
        } else {
          result[7] += -0.036293194;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9166002274)) {
          result[7] += -0.1596993;
        } else {
          result[7] += 0.101693824;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.796199799)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.77809906)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.451301575)) {
          result[8] += -0.08502074;
        } else {
          result[8] += 0.15514591;
        }
      } else {
        result[8] += -0.1452869;
      }
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.14730072)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6344000101)) {
          result[8] += 0.1578995;
        } else {
          result[8] += -0.069103375;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.079452395;
        } else {
          result[8] += 0.10902347;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.957698822)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
        result[8] += -0.14134543;
      } else {
        result[8] += -0.019623548;
      }
    } else {
      result[8] += 0.11403895;
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0391999483)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.87389946)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.139799118)) {
          result[0] += -0.06968224;
        } else {
          result[0] += -0.36419517;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.4730000496)) {
          result[0] += 0.07624946;
        } else {
          result[0] += -0.10150977;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.602399826)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1149001122)) {
          result[0] += 0.04884329;
        } else {
          result[0] += -0.008426709;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.996398926)) {
          result[0] += -0.08935385;
        } else {
          result[0] += 0.015508486;
        }
      }
    }
  } else {
    result[0] += -0.1508625;
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4017000198)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2494997978)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7158000469)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2347998619)) {
          result[1] += -0.06294728;
        } else {
          result[1] += 0.09210213;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)6.2494997978)) {
          result[1] += -0.13192184;
        } else {
          result[1] += 0.14044462;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.7495999336)) {
        result[1] += 0.005841306;
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)119.89559937)) {
          result[1] += 0.14751755;
        } else {
          result[1] += 0.039085325;
        }
      }
    }
  } else {
    if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2318999767)) {
      result[1] += -0.1433947;
    } else {
      result[1] += -0.03366767;
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.266600132)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.875200272)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
        result[2] += -0.14272535;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1540000439)) {
          result[2] += 0.021948287;
        } else {
          result[2] += -0.030803094;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.700901031)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5243999958)) {
          result[2] += 0.14823021;
        } else {
          result[2] += -0.015757278;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)0.99540001154)) {
          result[2] += -0.28889322;
        } else {
          result[2] += 0.006580898;
        }
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.5381999016)) {
      result[2] += -0.14906424;
    } else {
      result[2] += -0.0043779123;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.6254000664)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.6067999601)) {
      result[3] += 0.0071543045;
    } else {
      result[3] += -0.1435376;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7510999441)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)85.108200073)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.180900574)) {
          result[3] += 0.18850487;
        } else {
          result[3] += -0.100449905;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8276000023)) {
          result[3] += 0.102546915;
        } else {
          result[3] += -0.21580645;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6833000183)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5627999306)) {
          result[3] += 0.008297203;
        } else {
          result[3] += 0.088404715;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.4278998375)) {
          result[3] += -0.058635343;
        } else {
          result[3] += 0.08918197;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14664131;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.2073001862)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.746398926)) {
          result[4] += 0.138479;
        } else {
          result[4] += -0.07806447;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2720999718)) {
          result[4] += -0.13334464;
        } else {
          result[4] += 0.04660731;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3296000957)) {
        result[4] += 0.14695396;
      } else {
        result[4] += -0.036052406;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.9107999802)) {
    if (!(data[7].missing != -1) || (data[7].fvalue < (float)2.8724000454)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2325999737)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4148000479)) {
          result[5] += -0.12779061;
        } else {
          result[5] += 0.014205149;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0732998848)) {
          result[5] += 0.20789744;
        } else {
          result[5] += 0.04914661;
        }
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7065999508)) {
        result[5] += -6.266608e-05;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2725999355)) {
          result[5] += -0.04452918;
        } else {
          result[5] += -0.14672956;
        }
      }
    }
  } else {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.8315999508)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)96.499603271)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
          result[5] += 0.09300285;
        } else {
          result[5] += -0.10801351;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7190001011)) {
          result[5] += 0.07335223;
        } else {
          result[5] += -0.07288002;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)9.079199791)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.1591000557)) {
          result[5] += -0.012178368;
        } else {
          result[5] += 0.1427661;
        }
      } else {
        result[5] += -0.1105268;
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0018999577)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)32.333400726)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1277999878)) {
          result[6] += -0.057581987;
        } else {
          result[6] += 0.0825498;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.3618001938)) {
          result[6] += -0.1217005;
        } else {
          result[6] += 0.039704762;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.089099884)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[6] += -0.008616635;
        } else {
          result[6] += -0.15051;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.5687999725)) {
          result[6] += 0.05873979;
        } else {
          result[6] += -0.11638846;
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7239000797)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9904000759)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.4916000366)) {
          result[6] += 0.12671793;
        } else {
          result[6] += -0.09719774;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.2613999844)) {
          result[6] += -0.14423926;
        } else {
          result[6] += -0.034875337;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.3148002625)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)9.181599617)) {
          result[6] += 0.15315285;
        } else {
          result[6] += -0.09589017;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4123001099)) {
          result[6] += -0.10855657;
        } else {
          result[6] += -0.0034634392;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5535000563)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1978998184)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1640000343)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8326001167)) {
          result[7] += 0.06489312;
        } else {
          result[7] += -0.12748551;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.2533998489)) {
          result[7] += 0.10635096;
        } else {
          result[7] += -0.09472402;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5243999958)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.246099472)) {
          result[7] += 0.023590669;
        } else {
          result[7] += -0.14337899;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.909999847)) {
          result[7] += 0.064026184;
        } else {
          result[7] += -0.10317419;
        }
      }
    }
  } else {
    if (!(data[19].missing != -1) || (data[19].fvalue < (float)95.963401794)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0320000648)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.049699783)) {
          result[7] += 0.074664734;
        } else {
          result[7] += -0.1295756;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1588001251)) {
          result[7] += 0.12592909;
        } else {
          result[7] += -0.003451942;
        }
      }
    } else {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.0071001053)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.06924641;
        } else {
          result[7] += 0.0778202;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.5452001095)) {
          result[7] += -0.14916536;
        } else {
          result[7] += -0.0037667432;
        }
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.686599731)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.7208004)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.1390642;
        } else {
          result[8] += 0.07338562;
        }
      } else {
        result[8] += 0.20870681;
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.664199829)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)80.408599854)) {
          result[8] += 0.08185849;
        } else {
          result[8] += -0.1419386;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.911201477)) {
          result[8] += 0.16344199;
        } else {
          result[8] += -0.08959771;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.203998566)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.5896000862)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.320201874)) {
          result[8] += -0.09080498;
        } else {
          result[8] += 0.13574065;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.055599213)) {
          result[8] += -0.11341317;
        } else {
          result[8] += -0.014545294;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.736899972)) {
          result[8] += -0.043857794;
        } else {
          result[8] += -0.15131474;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)53.11989975)) {
          result[8] += -0.016820503;
        } else {
          result[8] += 0.13485855;
        }
      }
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4636998177)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.8633000851)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.675300598)) {
          result[0] += 0.0005819448;
        } else {
          result[0] += -0.18222672;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.2697000504)) {
          result[0] += 0.06869065;
        } else {
          result[0] += -0.15213376;
        }
      }
    } else {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2890000343)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)107.74549866)) {
          result[0] += 0.012131384;
        } else {
          result[0] += 0.094264865;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.019299984)) {
          result[0] += -0.101207316;
        } else {
          result[0] += 0.036275543;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.6737999916)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)29.174699783)) {
        result[0] += -0.124243446;
      } else {
        result[0] += 0.10022864;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.491699934)) {
        result[0] += -0.012604766;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5899999142)) {
          result[0] += -0.009691939;
        } else {
          result[0] += -0.16041005;
        }
      }
    }
  }
  if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1217000484)) {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.773300171)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.20759964)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.374900818)) {
          result[1] += -0.057303768;
        } else {
          result[1] += 0.10445119;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1347999573)) {
          result[1] += -0.14421482;
        } else {
          result[1] += -0.020168904;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.974498749)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6296000481)) {
          result[1] += 0.23895209;
        } else {
          result[1] += 0.06334247;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1347999573)) {
          result[1] += -0.085938126;
        } else {
          result[1] += 0.15633258;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5753002167)) {
      result[1] += -0.1305294;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.85269928)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
          result[1] += 0.13818477;
        } else {
          result[1] += -0.056385517;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.146701813)) {
          result[1] += -0.10596701;
        } else {
          result[1] += 0.12866251;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.7337999344)) {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1280999184)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3796999454)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.86439991)) {
          result[2] += -0.031943053;
        } else {
          result[2] += -0.20415886;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
          result[2] += -0.13596703;
        } else {
          result[2] += 0.047766205;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.5315999985)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.3127999306)) {
          result[2] += -0.088687725;
        } else {
          result[2] += 0.16177551;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6108000278)) {
          result[2] += -0.04684775;
        } else {
          result[2] += -0.17843944;
        }
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)25.968599319)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.3343000412)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.540899992)) {
          result[2] += 0.044804744;
        } else {
          result[2] += -0.19506583;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.4085998535)) {
          result[2] += 0.03497124;
        } else {
          result[2] += -0.09090091;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)4.6378002167)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.339599609)) {
          result[2] += 0.059073288;
        } else {
          result[2] += -0.0077033397;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0682997704)) {
          result[2] += 0.097805224;
        } else {
          result[2] += -0.032899648;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.076800108)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.1430997849)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9614999294)) {
        result[3] += -0.1618911;
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9855000973)) {
          result[3] += 0.035440862;
        } else {
          result[3] += -0.11099476;
        }
      }
    } else {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3020000458)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.610599518)) {
          result[3] += -0.08745275;
        } else {
          result[3] += 0.09220847;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.084100008)) {
          result[3] += -0.1808415;
        } else {
          result[3] += 0.005295291;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.141399384)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.928600311)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.909900665)) {
          result[3] += 0.011484925;
        } else {
          result[3] += 0.1283023;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.1877000332)) {
          result[3] += -0.07571504;
        } else {
          result[3] += 0.111335956;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0739998817)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1826999187)) {
          result[3] += -0.06525177;
        } else {
          result[3] += 0.11290351;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)37.922798157)) {
          result[3] += 0.12052458;
        } else {
          result[3] += 0.33444712;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14583011;
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.3375999928)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
          result[4] += -0.13359933;
        } else {
          result[4] += 0.05375396;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
          result[4] += 0.14422078;
        } else {
          result[4] += -0.05577965;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3085999489)) {
        result[4] += -0.02391144;
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
          result[4] += 0.146754;
        } else {
          result[4] += 0.02575331;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5004999638)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.1352000237)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.519299984)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9746000767)) {
          result[5] += 0.16845566;
        } else {
          result[5] += -0.09016799;
        }
      } else {
        result[5] += -0.119398795;
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7871000767)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.412399292)) {
          result[5] += 0.12819663;
        } else {
          result[5] += -0.066998765;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3304998875)) {
          result[5] += -0.035305012;
        } else {
          result[5] += -0.1487339;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.436798096)) {
      result[5] += -0.14925057;
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)37.897899628)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.286800385)) {
          result[5] += 0.00538108;
        } else {
          result[5] += 0.18434934;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.360500336)) {
          result[5] += -0.034584157;
        } else {
          result[5] += 0.08569642;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.546200037)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)140.2130127)) {
      result[6] += -0.14528006;
    } else {
      result[6] += -0.0024170536;
    }
  } else {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.839298248)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)0.94330000877)) {
          result[6] += 0.0060827504;
        } else {
          result[6] += 0.1511431;
        }
      } else {
        result[6] += -0.016258437;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.9015002251)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)32.050201416)) {
          result[6] += 0.044336893;
        } else {
          result[6] += -0.050742127;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7406001091)) {
          result[6] += -0.15129009;
        } else {
          result[6] += -0.009036139;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2129998207)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.046499252)) {
          result[7] += 0.14919634;
        } else {
          result[7] += -0.12886682;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.874099731)) {
          result[7] += 0.0407868;
        } else {
          result[7] += -0.13654841;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.436798096)) {
        result[7] += -0.032844417;
      } else {
        result[7] += -0.14665948;
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.8050999641)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)30.861000061)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3105998039)) {
          result[7] += 0.016395377;
        } else {
          result[7] += -0.19379409;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)110.46389771)) {
          result[7] += 0.15096053;
        } else {
          result[7] += -0.08927154;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.0158996582)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9872999191)) {
          result[7] += -0.14661402;
        } else {
          result[7] += 0.024605716;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)0.94330000877)) {
          result[7] += 0.12891503;
        } else {
          result[7] += -0.06352321;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.14379519;
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.588199615)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)34.906299591)) {
          result[8] += 0.19743304;
        } else {
          result[8] += 0.078965254;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.14386931;
        } else {
          result[8] += 0.09634774;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)48.826400757)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.606899261)) {
          result[8] += -0.015057487;
        } else {
          result[8] += -0.14312594;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
          result[8] += -0.039644636;
        } else {
          result[8] += 0.14404623;
        }
      }
    }
  }
}

